/**
 * When a printed page of the deck is finished: the check both PDFs wait on. It runs in the
 * browser (no Node imports): setup/main.ts exposes it on every route, so the build waits on
 * what the page itself says instead of on network silence, and pages/handout.vue calls it
 * before it measures anything.
 *
 * A slide is unfinished while its component has not rendered its layout yet (Slidev loads
 * each slide as an async component), while Slidev shows its loading placeholder, while an
 * element that declares `data-waitfor` (Slidev's convention for late content) lacks the
 * element it waits for, or while one of its images is still downloading (it would print
 * blank). A Mermaid diagram still drawing holds back the whole page.
 */
export interface PrintReadiness {
  /** Slide numbers (Slidev's data-slidev-no) that are not finished yet. */
  unfinished: number[]
  /** A Mermaid diagram is still being drawn. */
  mermaid: boolean
}

export function printReadiness(root: ParentNode = document): PrintReadiness {
  const unfinished = [
    ...root.querySelectorAll<HTMLElement>('[data-slidev-no]'),
  ].filter((w) => {
    if (!w.querySelector('.slidev-layout') || w.querySelector('.slidev-slide-loading'))
      return true
    for (const el of w.querySelectorAll<HTMLElement>('[data-waitfor]')) {
      const target = el.querySelector<HTMLElement>(el.dataset.waitfor!)
      if (!target || target.offsetParent === null)
        return true
    }
    return [
      ...w.querySelectorAll('img'),
    ].some(img => !img.complete)
  }).map(w => Number(w.dataset.slidevNo))
  return {
    unfinished: [
      ...new Set(unfinished),
    ],
    mermaid: !!document.querySelector('#mermaid-rendering-container div'),
  }
}

/** The name under which setup/main.ts exposes printReadiness() to the printing browser. */
export const PRINT_READINESS_GLOBAL = '__deckPrintReadiness'
