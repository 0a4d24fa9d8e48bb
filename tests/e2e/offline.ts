import type { Page } from '@playwright/test'
import type { Slide } from '../../lib/deck'
import type { StaticServer } from '../../lib/staticServer'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from '@playwright/test'
import { serveStatic } from '../../lib/staticServer'
import { deckState } from './fixtures'

// Shared by offline.spec.ts and fork.spec.ts: one visit to a built deck, then its server
// goes away, as in a lecture hall without a network.

/** What the service worker Slidev's build wrote will precache, relative to the site root. */
export function precacheList(siteDir: string): string[] {
  const swPath = join(siteDir, 'sw.js')
  expect(existsSync(swPath), `${swPath} is missing: the deck was built without its service worker. Set \`pwa: build\` in the headmatter of slides.md and build again.`).toBe(true)
  // Workbox's generateSW inlines the list as precacheAndRoute([{url:"…",revision:…}, …]).
  const urls = [
    ...readFileSync(swPath, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g),
  ].map(m => m[1]!)
  expect(urls.length, `${swPath}: no precache list found (has vite-plugin-pwa changed its output?)`).toBeGreaterThan(0)
  return urls
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
}

/** Failed requests, error responses, uncaught errors and console errors, from now on. */
export function watch(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`console: ${m.text()}`)
  })
  // Not a request the page gave up on itself: a navigation cancels the module loads still in
  // flight (net::ERR_ABORTED), served from the cache or not. A CI run once counted the
  // runtime chunk of a page being left as "not available offline"; another, the failed import
  // of such a module in the page being left (whichever of the two events comes first).
  const cancelled = new Set<string>()
  const importOf = (message: string) => /^Failed to fetch dynamically imported module: (\S+)$/.exec(message)?.[1]
  page.on('pageerror', (e) => {
    const url = importOf(e.message)
    if (!url || !cancelled.has(url))
      problems.push(`page error: ${e.message}`)
  })
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      return problems.push(`not available offline: ${r.url()} (${r.failure()?.errorText})`)
    cancelled.add(r.url())
    const i = problems.findIndex(p => p.startsWith('page error: ') && importOf(p.slice('page error: '.length)) === r.url())
    if (i >= 0)
      problems.splice(i, 1)
  })
  page.on('response', (r) => {
    if (r.status() >= 400)
      problems.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  return problems
}

/**
 * One visit to the deck served from `siteDir` under `base`, until the service worker
 * controls the page and holds every file it lists; then the server is shut down.
 */
export async function visitOnceThenLoseServer(page: Page, siteDir: string, base = '/'): Promise<StaticServer> {
  const listed = precacheList(siteDir)
  const server = await serveStatic(siteDir, 0, '127.0.0.1', base)
  try {
    await page.goto(`${server.url}1`)
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker?.controller?.state ?? 'no service worker controls the page'), {
      message: `the service worker never took control of ${server.url}`,
      timeout: 30_000,
    }).toBe('activated')
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration()
      return { scope: r?.scope, script: r?.active?.scriptURL }
    })
    expect(registration).toEqual({ scope: server.url, script: `${server.url}sw.js` })
    // Activated means installed, and installing means every listed file was fetched and stored;
    // checked here anyway, since the rest of the test relies on it.
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of (await caches.keys()).filter(k => k.startsWith('workbox-precache')))
        urls.push(...(await (await caches.open(name)).keys()).map(r => r.url))
      return urls
    })
    const cachedSet = new Set(cached.map((u) => {
      const url = new URL(u)
      url.searchParams.delete('__WB_REVISION__')
      return url.href
    }))
    expect(listed.map(u => new URL(u, server.url).href).filter(u => !cachedSet.has(u))).toEqual([])
  }
  finally {
    await server.close()
  }
  // The server is really gone for the page: a request the service worker does not answer fails,
  // or gets no answer at all (a CI run's probe waited four minutes on a connection the closed
  // server left half open): 10 s without one is gone too. Timed here, not only in the page: a
  // page's timers can be throttled, and a second CI run's in-page abort never fired.
  const probe = await Promise.race([
    page.evaluate(url => fetch(url, {
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    }).then(r => `HTTP ${r.status}`, () => 'unreachable'), `${server.url}offline-probe-${Date.now()}.txt`),
    new Promise<string>(resolve => setTimeout(resolve, 12_000, 'unreachable')),
  ])
  expect(probe).toBe('unreachable')
  return server
}

/** Components that draw a figure, each one element with role="img" (or more) holding an SVG. */
const FIGURE_TAGS = /<(?:FigureFrame|MgBlockChannel|ToleranceCurves)\b/g

/** What a slide's source says must be on screen, checked on the rendered slide. */
export async function expectRendered(page: Page, slide: Slide, problems?: readonly string[]) {
  const root = page.locator(`.slidev-page-${slide.no}`)
  try {
    // 15 s: from a cache, through a service worker the browser may have to start again, on a
    // machine running the other worker's sweep beside it.
    await expect(root, `slide ${slide.no} "${slide.title}"`).toBeVisible({ timeout: 15_000 })
  }
  catch (e) {
    // What the page met (`watch`), when the caller watches it: a deck that never started
    // offline (a CI run, now and then) says nothing more on its own.
    const met = problems
      ? `\nthe page met: ${problems.length
        ? problems.join('; ')
        : 'no error, no failed request'}`
      : ''
    throw new Error(`${(e as Error).message}\n${await deckState(page)}${met}`, { cause: e })
  }
  const wanted = slide.content.match(FIGURE_TAGS)?.length ?? 0
  if (wanted > 0) {
    await expect.poll(() => root.locator('[role="img"]').evaluateAll(els => els.filter((e) => {
      const svg = e instanceof SVGSVGElement
        ? e
        : e.querySelector('svg')
      const box = e.getBoundingClientRect()
      return svg && svg.childElementCount > 0 && box.width > 0 && box.height > 0
    }).length), { message: `${slide.file}:${slide.line}: slide ${slide.no} "${slide.title}" should show ${wanted} drawn figure(s)` }).toBeGreaterThanOrEqual(wanted)
  }
  if (/^```mermaid/m.test(slide.content))
    await expect(root.locator('.mermaid svg, svg[id^="mermaid"]').first(), `slide ${slide.no}: mermaid diagram`).toBeAttached()
  if (/\$\$/.test(slide.content))
    await expect(root.locator('.katex').first(), `slide ${slide.no}: KaTeX formula`).toBeAttached()
  const brokenImages = await root.locator('img').evaluateAll(imgs => (imgs as HTMLImageElement[]).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src))
  expect(brokenImages, `slide ${slide.no}: images that did not load`).toEqual([])
  // The fonts the slide uses are loaded too. Otherwise the next navigation can cancel a font
  // still on its way from the cache (net::ERR_ABORTED), which `watch` reports as missing
  // offline: a CI run saw that on a busy machine.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}
