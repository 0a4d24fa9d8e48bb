import type { Page } from '@playwright/test'
import { test as base } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * What a page shows, in words: a white page says nothing of whether the deck started, which
 * slide it shows, which slides it has rendered, or whether a service worker serves it.
 */
export async function deckState(page: Page): Promise<string> {
  const state = await page.evaluate(() => {
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
  }).catch(error => ({
    unreadable: String(error),
  }))
  return `The page at ${page.url()}: ${JSON.stringify(state)}`
}

/**
 * Playwright's `test`, printing what the pages met when a test fails: page errors, console
 * errors and failed requests of every page of the test's context. A CI run's test once timed
 * out on a blank page and left only the picture; what the page met is where its cause shows.
 * (Requests a navigation cancels, net::ERR_ABORTED, are routine and left out.)
 */
export const test = base.extend({
  // The context fixture itself, so that a test that opens no page starts no context.
  context: async ({ context }, use, testInfo) => {
    const log: string[] = []
    const start = Date.now()
    const note = (page: Page, what: string) => log.push(`${((Date.now() - start) / 1000).toFixed(1)} s ${page.url()}: ${what.replace(/\s+/g, ' ')}`)
    const watch = (page: Page) => {
      page.on('pageerror', e => note(page, `page error: ${e.message}`))
      page.on('console', m => m.type() === 'error' && note(page, `console error: ${m.text()}`))
      page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED')
          note(page, `failed request: ${r.url()} (${r.failure()?.errorText})`)
      })
    }
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
