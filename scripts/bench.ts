// npm run bench: performance figures, each measured side by side in one run against stock
// Slidev on the same machine, reported as ratios. Shared 2-core machines are noisy, so
// nothing here is a pass/fail test; targets are printed next to the measures.
import type { Browser, Page } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { buildSite, slidesPdf, slidevBin } from '../lib/pipeline'
import { launchBrowser } from '../lib/printDeck'
import { serveStatic } from '../lib/staticServer'
import { flag } from './_cli'

const root = resolve('.')
const work = join(root, '.tmp', 'bench')
const out = join(root, 'bench-results')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
mkdirSync(out, { recursive: true })
const browserPath = findBrowser().path
const rows: { measure: string, ours: string, stock: string, ratio: string, target: string }[] = []

function seconds(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return (performance.now() - t0) / 1000
}

async function secondsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return (performance.now() - t0) / 1000
}

function node(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
  if (r.status !== 0)
    throw new Error(`${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`)
  return r
}

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] ?? Number.NaN
}
const f1 = (x: number) => x.toFixed(1)
const ratio = (a: number, b: number) => (a / b).toFixed(2)
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met')

console.log('Benchmark (ours against stock Slidev, same machine, same run)\n')

// 1. Whole build and the reference check.
const buildS = seconds(() => node(['--import', 'tsx', 'scripts/build.ts']))
rows.push({ measure: '`npm run build` (refs, site, slides PDF, handout), s', ours: f1(buildS), stock: '-', ratio: '-', target: `< 60 s: ${mark(buildS < 60)}` })
const refsS = seconds(() => node(['--import', 'tsx', 'scripts/check-refs.ts']))
rows.push({ measure: '`npm run check:refs` incl. Node start-up, s', ours: f1(refsS), stock: '-', ratio: '-', target: 'check itself < 1 s' })

// 2. Slides PDF: ours prints the already built site; stock `slidev export` compiles the deck
//    again in a dev server. Same deck, same browser, one after the other.
const deck = await loadDeck('slides.md')
const site = join(root, 'dist')
const oursPdfS = await secondsAsync(() => slidesPdf(deck, site, { browserPath }))
const stockPdf = join(work, 'stock-export.pdf')
const stockPdfS = seconds(() => node([slidevBin(root), 'export', 'slides.md', '--output', stockPdf, '--executable-path', browserPath, '--timeout', '120000']))
rows.push({ measure: 'slides PDF, s (ours from dist/ vs `slidev export`)', ours: f1(oursPdfS), stock: f1(stockPdfS), ratio: ratio(oursPdfS, stockPdfS), target: `ratio <= 0.6: ${mark(oursPdfS / stockPdfS <= 0.6)}` })
if (existsSync(join(root, 'scripts/handout.ts'))) {
  const handoutS = seconds(() => node(['--import', 'tsx', 'scripts/handout.ts', '--site', site, '--out', join(work, 'handout.pdf')]))
  rows.push({ measure: 'handout PDF from dist/, s', ours: f1(handoutS), stock: 'no handout in Slidev', ratio: '-', target: '-' })
}
const kb = (p: string) => existsSync(p) ? `${Math.round(statSync(p).size / 1024)} KiB` : '-'
rows.push({ measure: 'PDF size: slides / handout', ours: `${kb(join(site, 'slides.pdf'))} / ${kb(join(site, 'handout.pdf'))}`, stock: kb(stockPdf), ratio: '-', target: '-' })

// 3. In the browser: our built deck against Slidev's starter deck, built here the same way.
const starter = join(work, 'starter')
mkdirSync(starter, { recursive: true })
symlinkSync(join(root, 'node_modules'), join(starter, 'node_modules'))
// The starter as `npm init slidev` writes it, less what cannot load offline: the seriph
// theme (not installed) and its remote cover image.
const template = readFileSync(join(root, 'node_modules/@slidev/cli/template.md'), 'utf8')
  .replace(/^theme: seriph$/m, 'theme: default')
  .replace(/^background: .*$/m, '')
writeFileSync(join(starter, 'slides.md'), template)
cpSync(join(root, 'node_modules/@slidev/cli/template.md'), join(starter, 'template.md'))
const starterDeck = await loadDeck(join(starter, 'slides.md'))
await buildSite(starterDeck, join(starter, 'dist'))

const browser = await launchBrowser(browserPath)
const ours = await measureDeck(browser, site, deck.slides.length, true)
const stock = await measureDeck(browser, join(starter, 'dist'), starterDeck.slides.length, false)
await browser.close()

rows.push({ measure: 'keypress to next slide painted, median ms', ours: f1(ours.latency.median), stock: f1(stock.latency.median), ratio: ratio(ours.latency.median, stock.latency.median), target: '-' })
rows.push({ measure: 'keypress to next slide painted, p95 ms', ours: f1(ours.latency.p95), stock: f1(stock.latency.p95), ratio: ratio(ours.latency.p95, stock.latency.p95), target: `< 100 ms: ${mark(ours.latency.p95 < 100)}` })
rows.push({ measure: 'JS + CSS before the first slide shows, KiB', ours: f1(ours.payloadKiB), stock: f1(stock.payloadKiB), ratio: ratio(ours.payloadKiB, stock.payloadKiB), target: `ratio <= 1.5: ${mark(ours.payloadKiB / stock.payloadKiB <= 1.5)}` })
rows.push({ measure: 'frame interval during a slide transition, p95 ms', ours: f1(ours.transitionP95), stock: f1(stock.transitionP95), ratio: ratio(ours.transitionP95, stock.transitionP95), target: '-' })
for (const [name, frames] of Object.entries(ours.animations))
  rows.push({ measure: `frame interval, ${name}, median / p95 ms`, ours: `${f1(frames.median)} / ${f1(frames.p95)}`, stock: `(transition p95 ${f1(stock.transitionP95)})`, ratio: ratio(frames.p95, stock.transitionP95), target: `p95 < 20 ms: ${mark(frames.p95 < 20)}` })

const table = [
  '| measure | ours | stock Slidev | ratio | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(r => `| ${r.measure} | ${r.ours} | ${r.stock} | ${r.ratio} | ${r.target} |`),
].join('\n')
console.log(table)
writeFileSync(join(out, 'report.md'), `# Benchmark, ${new Date().toISOString()}\n\n${table}\n`)
writeFileSync(join(out, 'report.json'), JSON.stringify({ rows, ours, stock }, null, 2))
console.log(`\nWritten to bench-results/report.md and report.json`)
if (!flag('keep'))
  rmSync(work, { recursive: true, force: true })

interface DeckMeasures {
  latency: { median: number, p95: number, samples: number[] }
  payloadKiB: number
  transitionP95: number
  animations: Record<string, { median: number, p95: number }>
}

async function measureDeck(browser: Browser, dir: string, slideCount: number, withDiagrams: boolean): Promise<DeckMeasures> {
  const server = await serveStatic(dir)
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  // tsx compiles the functions handed to page.evaluate with a `__name` helper the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  const page = await context.newPage()
  let payload = 0
  let counting = true
  page.on('response', async (r) => {
    const type = r.request().resourceType()
    if (counting && (type === 'script' || type === 'stylesheet')) {
      const body = await r.body().catch(() => Buffer.alloc(0))
      payload += body.length
    }
  })
  await page.goto(`${server.url}1`, { waitUntil: 'load' })
  await page.locator('.slidev-page-1').waitFor()
  counting = false
  await page.waitForLoadState('networkidle')

  // Keypress (↓ = next slide, clicks skipped) to the next slide's first painted frame.
  await page.evaluate(() => {
    const w = window as any
    w.__lat = []
    window.addEventListener('keydown', () => {
      w.__t0 = performance.now()
    }, true)
  })
  const samples: number[] = []
  let transitionFrames: number[] = []
  for (let no = 1; no < slideCount; no++) {
    const recording = page.evaluate(next => new Promise<{ latency: number, frames: number[] }>((resolve) => {
      const w = window as any
      const frames: number[] = []
      let last = performance.now()
      let seenAt = 0
      const tick = (now: number) => {
        frames.push(now - last)
        last = now
        const el = document.querySelector(`.slidev-page-${next}`) as HTMLElement | null
        if (!seenAt && el && el.offsetParent !== null)
          seenAt = now
        // Keep sampling frames a little after the switch to cover the transition.
        if (seenAt && now - seenAt > 600)
          return resolve({ latency: seenAt - w.__t0, frames })
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }), no + 1)
    await page.keyboard.press('ArrowDown')
    const r = await recording
    samples.push(r.latency)
    if (no === 1)
      transitionFrames = r.frames.slice(1)
  }

  const animations: DeckMeasures['animations'] = {}
  if (withDiagrams) {
    const d = await loadDeck('slides.md')
    const mg = d.slides.find(s => /<MgBlockChannel :step/.test(s.content))
    const tol = d.slides.find(s => /<ToleranceCurves/.test(s.content))
    if (mg)
      animations['Mg2+ block, ions flowing (step 4)'] = await frames(page, `${server.url}${mg.no}?clicks=4`, 2000)
    if (tol)
      animations['tolerance curves moving (steps 0 to 2)'] = await frames(page, `${server.url}${tol.no}`, 1500, 2)
  }
  await context.close()
  await server.close()
  return {
    latency: { median: pct(samples, 0.5), p95: pct(samples, 0.95), samples },
    payloadKiB: payload / 1024,
    transitionP95: pct(transitionFrames, 0.95),
    animations,
  }
}

/** rAF intervals while a diagram animates; `advance` presses → that many times first. */
async function frames(page: Page, url: string, ms: number, advance = 0) {
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(300)
  const recording = page.evaluate(duration => new Promise<number[]>((resolve) => {
    const out: number[] = []
    let last = performance.now()
    const start = last
    const tick = (now: number) => {
      out.push(now - last)
      last = now
      if (now - start > duration)
        return resolve(out.slice(1))
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }), ms)
  for (let i = 0; i < advance; i++) {
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(400)
  }
  const xs = await recording
  return { median: pct(xs, 0.5), p95: pct(xs, 0.95) }
}
