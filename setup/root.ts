/**
 * The hall: a clicker in the lecturer's hand, the presenter view on the laptop, the deck on
 * the projector. Two fixes to Slidev's behaviour there, without forking it:
 *
 * - Keys (lib/hallKeys.ts): Slidev ignores every key while a slider, a button or a link has
 *   focus, so one touch of a Try-it slider with the mouse trapped the clicker. A listener
 *   ahead of everything (window, capture phase) gives the clicker's keys to the talk
 *   whatever is focused, Escape gives focus back to the deck, F5 (a remote's "start show")
 *   goes full screen instead of reloading, `b` / `.` blank the projector, and next or back
 *   while it is blanked brings the slide back without turning the talk.
 * - Notes: Slidev highlights the notes paragraph of the current click (`[click]` markers) but
 *   its built presenter view does not scroll to it, and nothing brings the opening paragraph
 *   back on the way back to click 0. After every click the current paragraph is scrolled
 *   into the notes pane (lib/notesScroll.ts).
 */
import { useNav } from '@slidev/client'
import { TRUST_ORIGINS } from '@slidev/client/constants.ts'
import { defineRootSetup } from '@slidev/types'
import { nextTick, watch } from 'vue'
import { useScreenBlank } from '../components/useScreenBlank'
import { focusKind, hallAction } from '../lib/hallKeys'
import { noteScrollTop } from '../lib/notesScroll'

const FADED = 'slidev-note-fade'

/** The paragraph of the current click: the first part of the notes Slidev has not faded. */
export function currentNoteParagraph(note: Element): HTMLElement | null {
  if (!note.classList.contains('slidev-note-with-clicks'))
    return null
  return [...note.children].find((c): c is HTMLElement => c instanceof HTMLElement && !c.classList.contains(FADED)) ?? null
}

/**
 * True from a scroll this file starts until it ends (or the lecturer takes the wheel): the
 * notes can reflow under a smooth scroll (on a first visit the notes' fonts arrive while it
 * runs), and then it lands where the paragraph was, not where it is.
 */
let following = false

function followNotes(): void {
  const pane = document.querySelector<HTMLElement>('.slidev-presenter .slidev-note')
  const target = pane && currentNoteParagraph(pane)
  if (!pane || !target)
    return
  const p = pane.getBoundingClientRect()
  const t = target.getBoundingClientRect()
  const top = noteScrollTop({ top: p.top, height: pane.clientHeight, scrollTop: pane.scrollTop }, t)
  if (top === null || Math.abs(top - pane.scrollTop) < 1)
    return
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches
  following = !reduce
  pane.scrollTo({
    top,
    behavior: reduce ? 'auto' : 'smooth',
  })
  // Browsers without the scrollend event (Safari) look again once a smooth scroll is over.
  if (following && !('onscrollend' in window))
    setTimeout(landed, 1000)
}

/** After a scroll of ours: if the paragraph moved meanwhile, go to where it is now. */
function landed(): void {
  if (!following)
    return
  following = false
  followNotes()
}

/**
 * A deck window (the projector's) joins the talk; it does not move it by loading. Slidev lets a
 * deck window on this machine (localhost, 127.0.0.1) send its slide to the presenter view, so a
 * clicker pressed while that window has focus still turns the talk; but it also sends the slide
 * it opens on. A projector window reopened mid-talk at / took the presenter view, and the talk,
 * back to slide 1; and while two windows loaded, a late update from the deck window's first
 * seconds took the presenter back a slide or more. Until the lecturer drives this window (a key,
 * a click, the wheel), it is kept from sending: Slidev sends from a deck window only for the
 * hosts it lists as trusted, and that list is emptied here until then.
 */
function sendOnlyWhenDriven(): void {
  const trusted = TRUST_ORIGINS.splice(0)
  const drive = () => {
    TRUST_ORIGINS.splice(0, TRUST_ORIGINS.length, ...trusted)
    for (const type of ['keydown', 'pointerdown', 'wheel'])
      window.removeEventListener(type, drive, { capture: true })
  }
  for (const type of ['keydown', 'pointerdown', 'wheel'])
    window.addEventListener(type, drive, { capture: true, passive: true })
}

export default defineRootSetup(() => {
  if (typeof window === 'undefined')
    return
  const nav = useNav()
  const blank = useScreenBlank()
  sendOnlyWhenDriven()

  window.addEventListener('keydown', (event) => {
    if (nav.isPrintMode.value)
      return
    const action = hallAction(event, focusKind(document.activeElement as HTMLInputElement | null), blank.value.blank)
    if (!action)
      return
    if (action === 'release') {
      // Focus back to the deck: Slidev's own keys work again from here.
      (document.activeElement as HTMLElement | null)?.blur()
      return
    }
    event.preventDefault()
    // Slidev's own shortcuts listen on window too: none of them may turn the talk as well.
    event.stopImmediatePropagation()
    if (event.repeat && action !== 'next' && action !== 'prev')
      return
    if (action === 'next') {
      void nav.next()
    }
    else if (action === 'prev') {
      void nav.prev()
    }
    else if (action === 'fullscreen') {
      void (document.fullscreenElement
        ? document.exitFullscreen()
        : document.body.requestFullscreen()).catch(() => {})
    }
    else if (action === 'blank') {
      blank.value = { blank: !blank.value.blank }
    }
    else if (action === 'show') {
      blank.value = { blank: false }
    }
  }, { capture: true })

  // After Slidev has applied the highlight for the new click (its own watcher, then a frame).
  // On a busy laptop the highlight can land later than those frames, and the notes stayed
  // where they were: the pane's classes are watched too, so the scroll follows the highlight
  // itself whenever it moves (no jump while it stays: followNotes leaves a visible paragraph).
  // So are the paragraphs' sizes: the notes reflow when their fonts arrive on a first visit,
  // with the presenter's font-size buttons, or when the window is resized, and the current
  // paragraph can be pushed out of the pane without any class changing.
  let watched: Element | null = null
  const reflow = new ResizeObserver(followNotes)
  const highlight = new MutationObserver(() => {
    if (watched)
      observeSizes(watched)
    followNotes()
  })
  function observeSizes(pane: Element): void {
    reflow.disconnect()
    for (const el of [pane, ...pane.children])
      reflow.observe(el)
  }
  watch([nav.currentSlideNo, nav.clicks], async () => {
    if (!nav.isPresenter.value)
      return
    await nextTick()
    const pane = document.querySelector('.slidev-presenter .slidev-note')
    if (pane && pane !== watched) {
      highlight.disconnect()
      highlight.observe(pane, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
      })
      observeSizes(pane)
      pane.addEventListener('scrollend', landed)
      // The lecturer scrolling the notes by hand is not to be pulled back when it ends.
      for (const kind of ['wheel', 'touchstart', 'pointerdown'])
        pane.addEventListener(kind, () => (following = false), { passive: true })
      watched = pane
    }
    requestAnimationFrame(() => requestAnimationFrame(followNotes))
  }, { flush: 'post' })
})
