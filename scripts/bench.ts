// npm run bench: performance figures. Each row pairs like with like, measured alternately in
// one run (ours, then stock, then stock, then ours...), each side at least three times,
// reported as median and range and as the ratio of medians. Shared 2-core machines are
// noisy, so nothing here is a pass/fail test; targets are printed next to the measures.
// `--runs N` takes N samples a side (default 3).
import type { Browser, Page } from 'playwright-chromium'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { alternate, median, printedDeckProblem, quantile, summary } from '../lib/benchStats'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { compareEditLoops, copyProject, minimalDeck } from '../lib/devLoop'
import { slidevBin } from '../lib/pipeline'
import { launchBrowser } from '../lib/printDeck'
import { serveStatic } from '../lib/staticServer'
import { pageTexts } from '../tests/support/pdf'
import { cli } from './_cli'

const root = resolve('.')
const work = join(root, '.tmp', 'bench')
const out = join(root, 'bench-results')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
mkdirSync(out, { recursive: true })
const browserPath = findBrowser().path
const { values: flags } = cli('npm run bench -- [--runs 3] [--keep] [--edit-loop]', {
  'runs': { type: 'string' },
  'keep': { type: 'boolean' },
  'edit-loop': { type: 'boolean' },
})
const runs = Math.max(3, Number(flags.runs ?? 3))
const rows: { measure: string, ours: string, stock: string, ratio: string, target: string }[] = []

/** Wall time of a command, in seconds; a failing command stops the benchmark with its output. */
function timed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now()
    const child = spawn(cmd, args, {
      cwd: root,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        ...env,
      },
    })
    let log = ''
    child.stdout.on('data', (d) => {
      log += d
    })
    child.stderr.on('data', (d) => {
      log += d
    })
    child.on('close', code => code === 0
      ? ok((performance.now() - t0) / 1000)
      : fail(new Error(`${[cmd, ...args].join(' ')} failed (${code}):\n${log}`)))
  })
}

function tsx(script: string, args: string[] = []) {
  return timed(process.execPath, [
    '--import',
    'tsx',
    `scripts/${script}`,
    ...args,
  ])
}
function slidev(args: string[]) {
  return timed(process.execPath, [
    slidevBin(root),
    ...args,
  ])
}
const f1 = (x: number) => x.toFixed(1)
const ratioOf = (a: number[], b: number[]) => median(a) / median(b)
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met')

/** The stock side must have printed the deck, or its time means nothing. */
function checkPrinted(pdf: string, slideCount: number, who: string): void {
  const problem = printedDeckProblem(pageTexts(pdf), slideCount)
  if (problem)
    throw new Error(`${who} did not print the deck (${problem}): ${pdf}. The comparison would not be like for like.`)
}

console.log(`Benchmark: ours against stock Slidev on this deck, ${runs} alternating runs a side\n`)
const deck = await loadDeck('slides.md')
const slideCount = deck.slides.length
const oursDist = join(work, 'ours-dist')
const stockDist = join(work, 'stock-dist')
const stockPdf = join(work, 'stock.pdf')
/** Stock `slidev export` of this deck, with the browser ours uses. */
function stockExport() {
  return slidev([
    'export',
    'slides.md',
    '--output',
    stockPdf,
    '--executable-path',
    browserPath,
    '--timeout',
    '120000',
  ])
}

// 0. The edit loop: `slidev` dev server, a slide open in Chromium, a bullet edited on disk,
//    until the new word is painted. This deck against a minimal 3-slide deck (the target),
//    and against this deck without the citations addon (what the citation work costs);
//    alternating, `runs` sessions each of 4 edits. `--edit-loop` measures only this.
{
  const slide = deck.slides.find(s => s.file === 'slides/01-definition.md' && s.content.includes('under intense scrutiny'))!
  const oursDir = copyProject(root, f => f.startsWith('tests/'))
  const bareDir = copyProject(root, f => f.startsWith('tests/'))
  const bareEntry = join(bareDir, 'slides.md')
  writeFileSync(bareEntry, readFileSync(bareEntry, 'utf8').replace(/^addons:\n(?: {2}- .*\n)+/m, ''))
  const miniDir = minimalDeck(root)
  const browser = await launchBrowser(browserPath)
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })
  // tsx compiles the functions handed to page.evaluate with a `__name` helper the page lacks.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
  const target = { file: slide.file, slide: slide.no, anchor: 'under intense scrutiny' }
  const [withAddon, minimal, noAddon] = await compareEditLoops(await context.newPage(), [
    { ...target, dir: oursDir, slides: slideCount },
    {
      dir: miniDir,
      file: 'slides.md',
      slide: 2,
      slides: 3,
      anchor: 'alpha',
    },
    // Without the addon the references marker stays one slide.
    { ...target, dir: bareDir, slides: deck.cited.slides.length },
  ], runs)
  await browser.close()
  for (const dir of [oursDir, bareDir, miniDir])
    rmSync(dir, { recursive: true, force: true })
  for (const [what, key] of [
    ['first edit after start', 'first'],
    ['later edits', 'later'],
  ] as const) {
    const r = ratioOf(withAddon![key], minimal![key])
    rows.push({
      measure: `edit to screen in \`npm run dev\`, ${what}, ms: this deck vs a minimal 3-slide deck`,
      ours: summary(withAddon![key]),
      stock: summary(minimal![key]),
      ratio: r.toFixed(2),
      target: `ratio <= 1.5: ${mark(r <= 1.5)}`,
    })
    rows.push({
      measure: `the same, this deck with vs without the citations addon`,
      ours: summary(withAddon![key]),
      stock: summary(noAddon![key]),
      ratio: ratioOf(withAddon![key], noAddon![key]).toFixed(2),
      target: '-',
    })
  }
  if (flags['edit-loop']) {
    for (const r of rows)
      console.log(`| ${r.measure} | ${r.ours} | ${r.stock} | ${r.ratio} | ${r.target} |`)
    process.exit(0)
  }
}

// 1. The whole build. Ours: references checked, site, slides PDF and handout. Stock: `slidev
//    build` and `slidev export` of the same deck (no handout, no reference check).
const build = await alternate(runs, () => tsx('build.ts', ['--out', oursDist]), async () =>
  (await slidev([
    'build',
    'slides.md',
    '--out',
    stockDist,
  ])) + (await stockExport()))
checkPrinted(stockPdf, slideCount, '`slidev export`')
checkPrinted(join(oursDist, 'slides.pdf'), slideCount, '`npm run build`')
rows.push({
  measure: 'whole build, s: `npm run build` (refs, site, slides PDF, handout) vs `slidev build` + `slidev export`',
  ours: summary(build.ours),
  stock: summary(build.stock),
  ratio: ratioOf(build.ours, build.stock).toFixed(2),
  target: `ratio <= 0.8: ${mark(ratioOf(build.ours, build.stock) <= 0.8)}`,
})

// 2. The slides PDF after an edit-free session: ours reuses the current dist/ (rebuilt only
//    when an input changed); stock compiles the deck and prints it.
const oursPdf = join(work, 'ours.pdf')
await tsx('build.ts') // dist/ current for the deck as it is now; not timed
const exported = await alternate(runs, () => tsx('export.ts', ['--out', oursPdf]), () =>
  stockExport())
checkPrinted(stockPdf, slideCount, '`slidev export`')
checkPrinted(oursPdf, slideCount, '`npm run export`')
rows.push({
  measure: 'slides PDF, s: `npm run export` (current dist/ reused) vs `slidev export`',
  ours: summary(exported.ours),
  stock: summary(exported.stock),
  ratio: ratioOf(exported.ours, exported.stock).toFixed(2),
  target: `ratio <= 0.5: ${mark(ratioOf(exported.ours, exported.stock) <= 0.5)}`,
})
function kb(p: string) {
  return existsSync(p)
    ? `${Math.round(statSync(p).size / 1024)} KiB`
    : '-'
}
const site = join(root, 'dist')
rows.push({
  measure: 'PDF size: slides / handout (stock: slides only)',
  ours: `${kb(join(site, 'slides.pdf'))} / ${kb(join(site, 'handout.pdf'))}`,
  stock: kb(stockPdf),
  ratio: '-',
  target: '-',
})

// 3. In the browser: our built deck against Slidev's starter deck (a reference point for
//    what Slidev itself costs, not the same deck: labelled so in the report).
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
await timed(process.execPath, [
  slidevBin(root),
  'build',
  join(starter, 'slides.md'),
  '--out',
  join(starter, 'dist'),
])

const browser = await launchBrowser(browserPath)
const ours = await measureDeck(browser, site, deck.slides.length, true)
const stock = await measureDeck(browser, join(starter, 'dist'), starterDeck.slides.length, false)
await browser.close()

const ratio = (a: number, b: number) => (a / b).toFixed(2)
const starterNote = ' (stock column: Slidev\'s starter deck, a different deck)'
rows.push({
  measure: `keypress to next slide painted, median ms${starterNote}`,
  ours: f1(ours.latency.median),
  stock: f1(stock.latency.median),
  ratio: ratio(ours.latency.median, stock.latency.median),
  target: '-',
})
rows.push({
  measure: `keypress to next slide painted, p95 ms${starterNote}`,
  ours: f1(ours.latency.p95),
  stock: f1(stock.latency.p95),
  ratio: ratio(ours.latency.p95, stock.latency.p95),
  target: `< 100 ms: ${mark(ours.latency.p95 < 100)}`,
})
rows.push({
  measure: `JS + CSS before the first slide shows, KiB${starterNote}`,
  ours: f1(ours.payloadKiB),
  stock: f1(stock.payloadKiB),
  ratio: ratio(ours.payloadKiB, stock.payloadKiB),
  target: `ratio <= 1.5: ${mark(ours.payloadKiB / stock.payloadKiB <= 1.5)}`,
})
rows.push({
  measure: `frame interval during a slide transition, p95 ms${starterNote}`,
  ours: f1(ours.transitionP95),
  stock: f1(stock.transitionP95),
  ratio: ratio(ours.transitionP95, stock.transitionP95),
  target: '-',
})
for (const [name, frames] of Object.entries(ours.animations)) {
  rows.push({
    measure: `frame interval, ${name}, median / p95 ms (ours only)`,
    ours: `${f1(frames.median)} / ${f1(frames.p95)}`,
    stock: '-',
    ratio: '-',
    target: `p95 < 20 ms: ${mark(frames.p95 < 20)}`,
  })
}

const table = [
  `Median (range) of ${runs} alternating runs a side where a range is given; ratio = median ours / median stock.`,
  '',
  '| measure | ours | stock Slidev | ratio | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(r => `| ${r.measure} | ${r.ours} | ${r.stock} | ${r.ratio} | ${r.target} |`),
].join('\n')
console.log(table)
writeFileSync(join(out, 'report.md'), `# Benchmark, ${new Date().toISOString()}\n\n${table}\n`)
writeFileSync(join(out, 'report.json'), JSON.stringify({
  runs,
  rows,
  samples: { build, exported },
  ours,
  stock,
}, null, 2))
console.log(`\nWritten to bench-results/report.md and report.json`)
if (!flags.keep)
  rmSync(work, { recursive: true, force: true })

interface DeckMeasures {
  latency: { median: number, p95: number, samples: number[] }
  payloadKiB: number
  transitionP95: number
  animations: Record<string, { median: number, p95: number }>
}

async function measureDeck(browser: Browser, dir: string, slideCount: number, withDiagrams: boolean): Promise<DeckMeasures> {
  const server = await serveStatic(dir)
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
  })
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
    latency: {
      median: median(samples),
      p95: quantile(samples, 0.95),
      samples,
    },
    payloadKiB: payload / 1024,
    transitionP95: quantile(transitionFrames, 0.95),
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
  return {
    median: median(xs),
    p95: quantile(xs, 0.95),
  }
}
