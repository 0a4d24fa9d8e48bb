/**
 * Slidev 53's own controls, made usable from the keyboard and by screen readers
 * without forking Slidev. tests/e2e/accessibility.spec.ts audits them with axe and drives
 * them with the keyboard, so a Slidev update that changes this markup fails a test rather
 * than silently undoing the fix. styles/presenter.css holds the matching CSS.
 *
 * - Its MenuButton (sync settings, "More Options" in the navigation bar) puts an icon
 *   <button> inside its own <button>: nested interactive content, two tab stops for one
 *   control. The inner one becomes `inert` (out of the tab order and the accessibility
 *   tree; a click on it lands on the outer button, which holds the handler), its title
 *   names the outer one, and the outer one says whether its menu is open.
 * - The notes pane (presenter view and /notes) scrolls but cannot take focus, so long
 *   notes cannot be read to the end from the keyboard. It becomes a named, focusable
 *   region, and the keys that scroll it stay with it instead of turning the slides
 *   (Slidev's shortcuts listen on window).
 *
 * Slidev re-renders both (the notes for every slide, the menus when toggled), so an
 * observer re-applies the fix to each new element; it only adds attributes Slidev leaves
 * alone.
 */
import { configs } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { noteAudience } from '../lib/handout/content'
import { NOTES_ROW_KEY, NOTES_WIDTH_KEY, notesColumn } from '../lib/presenterLayout'
import { PRINT_READINESS_GLOBAL, printReadiness } from '../lib/printReady'

const NOTES_LABEL = 'Speaker notes'
/**
 * Keys a focused notes pane keeps to scroll itself. Not PageUp/PageDown or Space: those are
 * what presentation clickers send, and a lecturer who clicked into the notes with the mouse
 * must still be able to advance the talk with the clicker. ArrowLeft/Right move the slides.
 */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End'])

function fixMenuButtons(root: ParentNode): void {
  for (const inner of root.querySelectorAll<HTMLElement>('button > button.slidev-icon-btn:not([inert])')) {
    const outer = inner.parentElement!
    inner.setAttribute('inert', '')
    const name = inner.getAttribute('title') ?? inner.textContent?.trim() ?? ''
    outer.setAttribute('aria-label', name)
    outer.setAttribute('title', name)
    outer.dataset.menuButton = ''
  }
  // The menu opens as the outer button's next sibling (MenuButton.vue).
  for (const outer of root.querySelectorAll<HTMLElement>('button[data-menu-button]'))
    outer.setAttribute('aria-expanded', String(outer.nextElementSibling !== null))
}

function keepScrollKeys(event: KeyboardEvent): void {
  if (SCROLL_KEYS.has(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey)
    event.stopPropagation()
}

/**
 * The pane that scrolls the notes: in the presenter view the notes element itself, on the
 * notes page (/notes, for a second screen) the box around it.
 */
function notesPanes(root: ParentNode): HTMLElement[] {
  const presenter = root.querySelectorAll<HTMLElement>('.slidev-presenter .slidev-note')
  const notesPage = [
    ...root.querySelectorAll<HTMLElement>('.overflow-auto > .slidev-note'),
  ]
    .filter(n => !n.closest('.slidev-presenter'))
    .map(n => n.parentElement!)
  return [
    ...presenter,
    ...notesPage,
  ]
}

function fixNotesPane(root: ParentNode): void {
  for (const pane of notesPanes(root)) {
    if (pane.hasAttribute('tabindex'))
      continue
    pane.setAttribute('tabindex', '0')
    pane.setAttribute('role', 'region')
    pane.setAttribute('aria-label', NOTES_LABEL)
    pane.dataset.notesPane = ''
    pane.addEventListener('keydown', keepScrollKeys)
  }
}

/**
 * The notes' paragraphs for the maintainer and on the source (lib/handout/content.ts) are
 * marked, for styles/presenter.css to set them smaller and aside: the lecturer, glancing down
 * mid-sentence, finds the talk first. Slidev renders each slide's notes anew: marked again.
 */
function markNoteAudience(root: ParentNode): void {
  for (const p of root.querySelectorAll<HTMLElement>('.slidev-note p:not([data-note-for])'))
    p.dataset.noteFor = noteAudience(p.textContent ?? '')
}

function fixAll(): void {
  fixMenuButtons(document)
  fixNotesPane(document)
  markNoteAudience(document)
}

/**
 * Slidev's "Caching for offline…" badge (PwaIndicator) is cleared only by the service worker's
 * first install (workbox's onOfflineReady). On every later load the worker is already active,
 * that never fires, and the badge stayed in the corner of the projected slide for the whole
 * talk. A page that an active worker controls is served from the finished cache, so the badge
 * is stale there: styles/index.css hides it under this class ("Ready offline" still shows).
 */
const CACHED_CLASS = 'deck-offline-cached'
/**
 * A browser that offers no service worker (a page that is not a secure context, such as a deck
 * served over plain http from a hall's address, or service workers turned off) never caches:
 * Slidev still shows "Caching for offline…", for the whole talk. Hidden under this class.
 */
const NO_CACHE_CLASS = 'deck-offline-unavailable'

function markCachedWhenControlled(): void {
  const sw = navigator.serviceWorker
  if (!sw) {
    document.documentElement.classList.add(NO_CACHE_CLASS)
    return
  }
  const mark = () => {
    if (sw.controller)
      document.documentElement.classList.add(CACHED_CLASS)
  }
  sw.ready.then(mark, () => {})
  // A window opened while another's first visit still cached (the projector's, beside the
  // presenter view) is taken over only once the worker is ready, after the look above: it kept
  // the badge for the whole talk.
  sw.addEventListener('controllerchange', mark)
}

/**
 * The presenter view's notes column on its first opening in this browser (lib/presenterLayout.ts):
 * written where Slidev reads it, before its presenter page is set up, from the size of the
 * window that opens it (not of a deck window opened first on the projector, which shares the
 * storage); never over a size Slidev has already stored (the lecturer's own, once dragged).
 */
function seedNotesColumn(): void {
  try {
    if (localStorage.getItem(NOTES_WIDTH_KEY) !== null || localStorage.getItem(NOTES_ROW_KEY) !== null)
      return
    const column = notesColumn({ width: innerWidth, height: innerHeight }, Number(configs.aspectRatio) || 16 / 9)
    if (!column)
      return
    localStorage.setItem(NOTES_WIDTH_KEY, String(column.width))
    localStorage.setItem(NOTES_ROW_KEY, String(column.rowSize))
  }
  catch {
    // No storage (a private window that refuses it): Slidev's own sizes.
  }
}

export default defineAppSetup(({ router }) => {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined')
    return
  router.beforeEach((to) => {
    if (to.name === 'presenter')
      seedNotesColumn()
  })
  markCachedWhenControlled()
  // What the build's printer waits on (lib/printReady.ts), on /print as on /handout.
  Object.assign(window, { [PRINT_READINESS_GLOBAL]: printReadiness })
  // Only element insertions matter (new notes, opened menus); text updates (the timer) do not.
  new MutationObserver(fixAll).observe(document.body, { childList: true, subtree: true })
  fixAll()
})
