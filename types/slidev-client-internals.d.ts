// The parts of Slidev's client internals that pages/handout.vue builds on: the pieces
// Slidev's own /print route uses to render a slide (PrintSlideClick at a fixed click) and
// its notes (NoteDisplay). Like components/slidev-client.d.ts, this stands in for Slidev's
// raw TypeScript, which only type-checks inside Slidev's build (tsconfig `paths` maps every
// `@slidev/client/<path>` here). Vite and Slidev still bundle the real modules.
import type { SlidevContext } from '@slidev/client'
import type { SlideRoute } from '@slidev/types'
import type { ComputedRef, DefineComponent, InjectionKey } from 'vue'

/** context.ts, env.ts, state/syncState.ts: what components/slidev.ts takes from them. */
export { configs, createSyncState, useSlideContext } from '@slidev/client'

/** A Vue component of Slidev's client (PrintSlideClick.vue, NoteDisplay.vue). */
declare const component: DefineComponent<any, any, any>
export default component

/** A slide's navigation, frozen at one click (composables/useNav.ts). */
export type FixedNav = object
export function useFixedNav(route: SlideRoute, clicks: object): FixedNav
/** composables/useClicks.ts */
export function createFixedClicks(route: SlideRoute, current: number): object
/** constants.ts */
export const CLICKS_MAX: number
export const injectionSlideScale: InjectionKey<ComputedRef<number>>
export const injectionSlidevContext: InjectionKey<SlidevContext>
/** The hosts a deck window may send its slide from (setup/root.ts). */
export const TRUST_ORIGINS: string[]
