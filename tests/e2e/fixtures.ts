import type { Page } from '@playwright/test'
import { test as base } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * What a page shows, in words: a white page says nothing of whether the deck started, which
 * slide it shows, which slides it has rendered, or whether a service worker serves it.
 */
export async function deckState(page: Page): Promise<string> {
  const read = page.evaluate(() => {
    const app = document.querySelector('#app') as (Element & { __vue_app__?: any }) | null
    return {
      readyState: document.readyState,
      deckStarted: !!app?.__vue_app__,
      elementsInApp: app?.querySelectorAll('*').length ?? 0,
      shownSlide: app?.__vue_app__?._context.provides['$$slidev-context']?.nav?.currentSlideNo ?? null,
      slidesInPage: [
        ...document.querySelectorAll('.slidev-page'),
      ].map(p => p.className.match(/slidev-page-(\d+)/)?.[1]).join(' '),
      serviceWorker: navigator.serviceWorker?.controller?.state ?? 'none controls the page',
    }
  })
  // A page that hangs does not answer: this runs when a test has failed, and must not hang too.
  const state = await Promise.race([
    read,
    new Promise(ok => setTimeout(ok, 5_000, { unreadable: 'the page did not answer within 5 s' })),
  ]).catch(error => ({
    unreadable: String(error),
  }))
  return `The page at ${page.url()}: ${JSON.stringify(state)}`
}

/** Page errors, console errors and failed requests of `page`, each passed to `note` as it happens. */
export function watchPage(page: Page, note: (what: string) => void): void {
  page.on('pageerror', e => note(`page error: ${e.message}`))
  page.on('console', m => m.type() === 'error' && note(`console error: ${m.text()}`))
  page.on('requestfailed', r => note(`${r.failure()?.errorText === 'net::ERR_ABORTED'
    ? 'cancelled'
    : 'failed'} request: ${r.url()} (${r.failure()?.errorText})`))
}

/**
 * Playwright's `test`, printing what the pages met when a test fails: page errors, console
 * errors and failed or cancelled requests of every page of the test's context, and what each
 * page shows. A CI run's test once timed out on a blank page and left only the picture.
 *
 * Where the config blocks the service worker (playwright.config.ts), the pages are also given
 * none at all, as a browser that offers none: Playwright's block only makes registering do
 * nothing, and Slidev's "Caching for offline…" badge then stays on every slide.
 */
export const test = base.extend({
  // The context fixture itself, so that a test that opens no page starts no context.
  context: async ({ context, serviceWorkers }, use, testInfo) => {
    if (serviceWorkers === 'block') {
      await context.addInitScript(() => {
        delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker
      })
    }
    const log: string[] = []
    const start = Date.now()
    const watch = (page: Page) => watchPage(page, what => log.push(`${((Date.now() - start) / 1000).toFixed(1)} s ${page.url()}: ${what.replace(/\s+/g, ' ')}`))
    context.pages().forEach(watch)
    context.on('page', watch)
    await use(context)
    // Printed whole: the reporter shortens a text attachment to its first lines.
    if (testInfo.status !== testInfo.expectedStatus && context.pages().length) {
      const states = await Promise.all(context.pages().map(deckState))
      console.error(`What the pages of "${testInfo.title}" met:\n  ${[
        ...log,
        ...states,
      ].join('\n  ')}`)
    }
  },
})
