import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { pageTexts } from '../support/pdf'
import { deck, slideNumberOf } from './deck'
import { expect, test } from './fixtures'
import { expectRendered, filesIn, precacheList, visitOnceThenLoseServer, watch } from './offline'

// Issue #9: after one visit the hosted deck works with no connection (slides.md: `pwa: build`,
// Slidev's Workbox service worker). The scenario is a lecture hall: the deck was opened once
// at home, then the server is out of reach. Each test serves the built deck on its own
// server, visits once, waits until the service worker has cached everything, then shuts the
// server down, so nothing can come from the network (Chromium's offline emulation would do
// too; a server that is gone is the real case and has no emulation quirks).

const dist = resolve(process.env.DIST_DIR ?? 'dist')
// The service worker is what these tests are about (the other specs block it).
test.use({ serviceWorkers: 'allow' })

test('after one visit the deck works without its server: reload, deep links, every slide, the presenter view', async ({ page }) => {
  test.setTimeout(240_000)
  const d = await deck()
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const server = await visitOnceThenLoseServer(page, dist)
  const problems = watch(page)

  await test.step('reload', async () => {
    await page.reload()
    await expectRendered(page, d.slides[0]!, problems)
    // Slidev clears its "Caching for offline…" badge only when the worker first installs; on
    // every later load it stayed in the corner of the projected slide for the whole talk.
    await expect(page.getByText('Caching for offline')).toBeHidden({ timeout: 5_000 })
  })

  await test.step('deep links, opened as a lecturer would paste them', async () => {
    const mgBlock = await slideNumberOf(/<MgBlockChannel :step="\$clicks"/)
    for (const no of [12, mgBlock]) {
      await page.goto(`${server.url}${no}`)
      await expectRendered(page, d.slides[no - 1]!, problems)
    }
    await expect(page.locator(`.slidev-page-${mgBlock} [data-mg-block] svg[role="img"]`).first()).toHaveAttribute('aria-label', /.+/)
  })

  await test.step('every slide, stepped through with the keyboard from the first', async () => {
    await page.goto(`${server.url}1`)
    const seen = new Set<number>()
    // Clicks take key presses too; bounded, so that a stuck deck fails instead of hanging.
    for (let i = 0; i < d.slides.length * 8 && seen.size < d.slides.length; i++) {
      const no = Number(new URL(page.url()).pathname.split('/').filter(Boolean).pop())
      if (no && !seen.has(no)) {
        seen.add(no)
        await expectRendered(page, d.slides[no - 1]!, problems)
      }
      // Each press moves a click or a slide, and the address follows (?clicks=, then the
      // slide's number). Wait for it: read too early on a busy machine, the address of a
      // slide without clicks was still the one before, and the next press went past it.
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      if (no !== d.slides.length)
        await page.waitForFunction(b => location.href !== b, before, { timeout: 10_000 })
    }
    expect(d.slides.filter(s => !seen.has(s.no)).map(s => `${s.no} ${s.title}`)).toEqual([])
  })

  await test.step('the self-hosted fonts', async () => {
    const faces = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].map(f => `${f.family.replace(/"/g, '')} ${f.weight} ${f.style}: ${f.status}`)
    })
    expect(faces.filter(f => f.endsWith(': error'))).toEqual([])
    expect(faces.filter(f => f.startsWith('Source Sans 3') && f.endsWith(': loaded')).length).toBeGreaterThan(0)
  })

  await test.step('the presenter view, from the navigation bar', async () => {
    await page.goto(`${server.url}3`)
    await page.mouse.move(20, page.viewportSize()!.height - 20)
    await page.getByRole('button', { name: 'Presenter Mode' }).click()
    await expect(page).toHaveURL(/\/presenter\/3(\?|$)/)
    await expect(page.locator('.slidev-note').first()).toBeVisible()
  })

  expect(problems).toEqual([])
})

// A lectern's first visit: the presenter view, then the projector's deck window beside it while
// the worker still caches. The presenter view showed "Ready offline"; the projector kept
// "Caching for offline…" in the corner of every slide of the talk (taken over by the worker
// only after it was ready, and nothing looked again).
test('a first visit with the presenter view, then the deck window beside it: once cached, no window keeps "Caching for offline…"', async ({ context }) => {
  // The worker's first caching held back (its download of the two PDFs), as on a hall's slow
  // network: the projector's window opens while it still caches, which is the case at issue.
  await context.route(/\.pdf(\?|$)/, async (route) => {
    await new Promise(resolve => setTimeout(resolve, 3000))
    await route.continue()
  })
  const presenter = await context.newPage()
  await presenter.goto('presenter/1')
  const projector = await context.newPage()
  await projector.goto('1')
  await projector.locator('.slidev-page-1').waitFor()
  expect(await projector.evaluate(() => navigator.serviceWorker.controller), 'the worker still caches when the projector opens').toBeNull()
  for (const page of [presenter, projector]) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 })
    await expect(page.getByText('Caching for offline')).toBeHidden({ timeout: 5_000 })
  }
})

// A browser that installs the deck named it "Slidev", described it with package.json's line
// (which a fork forgets), and the page's author read "Presenter's name" in quotes.
test('the site names the talk from its headmatter: the installed deck\'s name and description, the page\'s author; the worker caches that manifest', async () => {
  const { headmatter } = await deck()
  const manifestText = readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')
  const manifest = JSON.parse(manifestText)
  expect(manifest.name).toBe(headmatter.title)
  expect(manifest.short_name).toBe(headmatter.title)
  expect(manifest.description).toBe(headmatter.subtitle
    ? `${headmatter.title}: ${headmatter.subtitle}`
    : headmatter.title)
  const escaped = String(headmatter.author).replaceAll('&', '&amp;').replaceAll('\'', '&#039;').replaceAll('"', '&quot;')
  for (const page of ['index.html', '404.html'])
    expect(readFileSync(join(dist, page), 'utf8'), page).toContain(`<meta name="author" content="${escaped}">`)
  // Listed with the hash of what is served: a new title reaches a returning browser.
  const listed = /\{url:"manifest\.webmanifest",revision:"([0-9a-f]+)"\}/.exec(readFileSync(join(dist, 'sw.js'), 'utf8'))?.[1]
  expect(listed).toBe(createHash('md5').update(manifestText).digest('hex'))
})

test('every file of the built site is in the offline cache, apart from the service worker\'s own and the host\'s', () => {
  const listed = new Set(precacheList(dist))
  // sw.js and workbox-*.js are the worker itself; 404.html and _redirects are read by the host,
  // never by the deck; the PDFs have their own test below.
  // The build's records (lib/buildInputs.ts: its inputs, which deck each PDF is of) are for
  // `npm run export` and the dev server, not the deck.
  const exempt = /^(?:sw\.js|workbox-[\w-]+\.js|404\.html|_redirects|[^/]+\.pdf|\.build-inputs\.json|\.pdf-entries\.json)$/
  expect(filesIn(dist).filter(f => !exempt.test(f) && !listed.has(f))).toEqual([])
})

test('the slides and handout PDFs open from the offline cache', async ({ page }) => {
  const server = await visitOnceThenLoseServer(page, dist)
  for (const name of ['slides.pdf', 'handout.pdf']) {
    const onDisk = createHash('sha256').update(readFileSync(join(dist, name))).digest('hex')
    // As the deck's download link fetches it, and as a pasted link opens it.
    const fetched = await page.evaluate(async (url) => {
      const bytes = await fetch(url).then(r => r.arrayBuffer(), () => null)
      return bytes && [
        ...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)),
      ].map(b => b.toString(16).padStart(2, '0')).join('')
    }, `${server.url}${name}`)
    expect(fetched, `${name} is not in the offline cache: scripts/build.ts must name the PDFs in DECK_PDFS when it builds the site (vite.config.ts)`).toBe(onDisk)
    // Without the PDF in the cache, the worker's navigation fallback answers with the deck.
    const response = await page.goto(`${server.url}${name}`)
    expect(response?.headers()['content-type'], `${server.url}${name} opened offline`).toBe('application/pdf')
    await page.goto(`${server.url}1`)
  }
  // And as a student clicks them on the last slide: a new tab, served from the cache.
  const closing = await slideNumberOf(/class="downloads"/)
  await page.goto(`${server.url}${closing}`)
  // Both links, once the slide has rendered (read at once, none would be found and none checked).
  const links = page.locator(`.slidev-page-${closing} .downloads a`)
  await expect(links).toHaveCount(2)
  for (const link of await links.all()) {
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      link.click(),
    ])
    // Chromium's PDF viewer takes the document over as a stream, answered by the worker.
    const pdf = await tab.waitForEvent('response', r => r.headers()['content-type'] === 'application/pdf')
    expect(pdf.fromServiceWorker(), `${tab.url()} from the closing slide, offline`).toBe(true)
    expect(tab.url()).toMatch(/\/(slides|handout)\.pdf$/)
    await tab.close()
  }
})

test('the "Caching for offline" badge stays out of the printed PDFs', () => {
  // Slidev shows it on every page, the print route included, while the worker installs.
  for (const name of ['slides.pdf', 'handout.pdf']) {
    const pages = pageTexts(join(dist, name))
    const marked = pages.flatMap((t, i) => /Caching for offline|Ready offline/.test(t)
      ? [i + 1]
      : [])
    expect(marked.length, `${name}: Slidev's offline badge on pages ${marked.slice(0, 5).join(', ')}${marked.length > 5
      ? ', …'
      : ''}`).toBe(0)
  }
})

test('where the browser offers no service worker (plain http from a hall\'s address), no "Caching for offline" badge stays on the slide', async ({ browser }) => {
  // An insecure context has no navigator.serviceWorker: removed before the deck's code runs.
  const context = await browser.newContext()
  await context.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker
  })
  try {
    const page = await context.newPage()
    await page.goto('3')
    await expect(page.locator('.slidev-page-3')).toBeVisible()
    expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false)
    // Slidev renders its badge at once, before anything could clear it.
    await expect(page.locator('.slidev-pwa-indicator')).toHaveCount(1)
    await expect(page.locator('.slidev-pwa-indicator')).toBeHidden()
  }
  finally {
    await context.close()
  }
})
