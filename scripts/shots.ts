// npm run shots: every slide at every click step, screenshotted in Chromium the way a clicker
// steps through the deck, at the sizes and colour schemes asked for, into bench-results/shots/
// with an index.html that shows them side by side. Uses dist/ when it is current, else builds
// into a scratch folder first (as `npm run export` does).
import type { Page } from 'playwright-chromium'
import type { Scheme, Shot, ShotSet } from '../lib/shots'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { CHROMIUM_ARGS, findBrowser } from '../lib/browser'
import { contactSheet, parseSize, parseSlides, shotFile } from '../lib/shots'
import { serveStatic } from '../lib/staticServer'
import { cli, main, step } from './_cli'
import { readCheckedDeck, removeIfThere, replaceDir, root, siteFor } from './_pipeline'

const usage = 'npm run shots -- [--sizes 1920x1080,1024x768] [--schemes light,dark] [--slides 3-7,12] [--out bench-results/shots] [--deck slides.md]'
const { values } = cli(usage, {
  sizes: { type: 'string' },
  schemes: { type: 'string' },
  slides: { type: 'string' },
  out: { type: 'string' },
  deck: { type: 'string' },
})
const out = resolve(values.out ?? join('bench-results', 'shots'))
const staging = `${out}.partial`
const scratch = join(root, '.tmp', `shots-${process.pid}`)

function schemesOf(text = 'light,dark'): Scheme[] {
  return text.split(',').map((s) => {
    const t = s.trim()
    if (t !== 'light' && t !== 'dark')
      throw new Error(`schemes: "${t}" is not light or dark`)
    return t
  })
}

/** The slide's URL part and click step as the deck shows them now. */
async function position(page: Page): Promise<{ slide: number, click: number }> {
  const url = new URL(page.url())
  return {
    slide: Number(url.pathname.split('/').filter(Boolean).pop()),
    click: Number(url.searchParams.get('clicks') ?? 0),
  }
}

/** Shows the page settled: fonts loaded and a frame painted after the last change. */
async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready)
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))
  await page.waitForTimeout(100)
}

/**
 * Waits for slide `no` to show. A CI run once waited 30 s for a slide that never appeared and
 * left nothing to look at: on a timeout this says what the page showed instead, with its
 * errors, and keeps a picture of it beside the output folder.
 */
async function slideShown(page: Page, no: number, errors: string[]): Promise<void> {
  try {
    await page.locator(`.slidev-page-${no}`).waitFor({ timeout: 30_000 })
  }
  catch (error) {
    const picture = `${out}-failed-${no}.png`
    await page.screenshot({ path: picture }).catch(() => {})
    const shown = await page.evaluate(() => [
      ...document.querySelectorAll<HTMLElement>('.slidev-page'),
    ].filter(p => getComputedStyle(p).display !== 'none').map(p => p.className).join(', ')).catch(() => '?')
    throw new Error([
      `slide ${no} did not show within 30 s at ${page.url()}`,
      `  shown instead: ${shown || 'no slide'}`,
      `  page errors: ${errors.length
        ? errors.join(' | ')
        : 'none'}`,
      `  the page as it was: ${picture}`,
      `  (${(error as Error).message.split('\n')[0]})`,
    ].join('\n'))
  }
}

await main(async () => {
  let sizes: ReturnType<typeof parseSize>[], schemes: Scheme[]
  try {
    sizes = (values.sizes ?? '1920x1080,1024x768').split(',').map(t => parseSize(t))
    schemes = schemesOf(values.schemes)
  }
  catch (e) {
    console.error(`error: --${(e as Error).message}\nusage: ${usage}`)
    process.exit(2)
  }
  const deck = await readCheckedDeck(values.deck)
  let slides: number[]
  try {
    slides = parseSlides(values.slides, deck.slides.length)
  }
  catch (e) {
    console.error(`error: --${(e as Error).message}\nusage: ${usage}`)
    process.exit(2)
  }
  const title = String(deck.headmatter.title ?? 'Slides')
  const browserPath = findBrowser().path
  const site = await siteFor(deck, '/', scratch)
  const server = await serveStatic(site)
  const browser = await chromium.launch({ executablePath: browserPath, args: CHROMIUM_ARGS })
  try {
    await removeIfThere(staging)
    const sets: ShotSet[] = []
    for (const size of sizes) {
      for (const scheme of schemes) {
        const set: ShotSet = { size, scheme, shots: [] }
        await step(`${size.width}x${size.height} ${scheme}: ${slides.length} slides`, async () => {
          // Reduced motion: each click step is shown at its end state, not mid-animation.
          const context = await browser.newContext({ viewport: size, colorScheme: scheme, reducedMotion: 'reduce' })
          const page = await context.newPage()
          const errors: string[] = []
          page.on('pageerror', e => errors.push(e.message))
          page.on('console', m => m.type() === 'error' && errors.push(m.text()))
          // A first visit installs the offline cache, and Slidev shows "Caching for offline…"
          // over the slide until it is done: wait for that once, as a lecturer's deck has
          // before the talk (bounded, for a deck built without its service worker).
          await page.goto(`${server.url}${slides[0]}`)
          await page.evaluate(() => Promise.race([
            navigator.serviceWorker?.ready,
            new Promise(resolve => setTimeout(resolve, 15_000)),
          ]))
          for (const no of slides) {
            await page.goto(`${server.url}${no}`)
            await slideShown(page, no, errors)
            const name = deck.slides[no - 1]!.title
            // Step with the key a clicker sends until the deck leaves the slide.
            for (let click = 0; click < 100; click++) {
              await settle(page)
              const shot: Shot = {
                slide: no,
                click,
                title: name,
                file: shotFile(size, scheme, no, click),
              }
              await mkdir(join(staging, shot.file, '..'), { recursive: true })
              await page.screenshot({
                path: join(staging, shot.file),
              })
              set.shots.push(shot)
              const before = page.url()
              await page.keyboard.press('ArrowRight')
              await page.waitForURL(u => u.href !== before, { timeout: 3000 }).catch(() => {})
              const now = await position(page)
              if (now.slide !== no || page.url() === before)
                break
            }
          }
          await context.close()
        })
        sets.push(set)
      }
    }
    await writeFile(join(staging, 'index.html'), contactSheet(sets, title))
    await replaceDir(staging, out)
    const count = sets.reduce((n, s) => n + s.shots.length, 0)
    console.log(`\nWrote ${count} screenshots and ${join(out, 'index.html')}`)
  }
  finally {
    await browser.close()
    await server.close()
    await removeIfThere(scratch)
  }
}, () => removeIfThere(staging, scratch))
