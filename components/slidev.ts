/**
 * Slidev's API for the deck's components, imported from the modules that hold it, never from
 * '@slidev/client' itself: that index also imports useNav and the deck's list of slides.
 *
 * Under `npm run dev`, a module the browser first loads after an edit imports everything the
 * edit touched under a new address (Vite's `?t=` timestamp), so the browser runs a second copy
 * of it. Slidev loads most slides' components three seconds after the page opens; an edit saved
 * before then gave those components, through the index, a second copy of Slidev's slide list,
 * which takes over from the first and mounts every slide again: the slide on screen went blank
 * for a moment, and the diagrams ran on a second copy of the navigation and of the live state.
 * None of the modules below imports the slide list (tests/unit/client-boundary.test.ts).
 */
import type { SlidevContext } from '@slidev/client'
import { injectionSlidevContext } from '@slidev/client/constants.ts'
import { getCurrentInstance } from 'vue'

export { useSlideContext } from '@slidev/client/context.ts'
export { configs } from '@slidev/client/env.ts'
export { createSyncState } from '@slidev/client/state/syncState.ts'

/**
 * The page's navigation, from the context Slidev provides to the whole app: whether the page
 * prints, and with clicks. Not a printed slide's own (PrintSlideClick provides one, with that
 * slide's clicks but nothing about printing), and usable outside a slide (the blanked screen).
 * Called in a component's setup.
 */
export function useDeckNav(): SlidevContext['nav'] | undefined {
  const provides = getCurrentInstance()?.appContext.provides as Record<symbol, SlidevContext | undefined> | undefined
  return provides?.[injectionSlidevContext as symbol]?.nav
}
