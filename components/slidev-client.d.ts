// The slice of @slidev/client the components use. Slidev ships its client as raw
// TypeScript that only type-checks inside Slidev's own build (it relies on build-time
// globals and router typings), so type checks here read this declaration instead
// (tsconfig `paths`). Vite and Slidev still bundle the real module.
declare module '@slidev/client' {
  import type { ComputedRef, Ref, UnwrapNestedRefs } from 'vue'

  export interface SlidevNav {
    clicks: ComputedRef<number>
    clicksTotal: ComputedRef<number>
    currentSlideNo: ComputedRef<number>
    isPrintMode: ComputedRef<boolean>
    isPrintWithClicks: Ref<boolean>
    next: () => Promise<void>
    prev: () => Promise<void>
    go: (no: number | string, clicks?: number) => Promise<void>
    isPresenter: ComputedRef<boolean>
    nextSlide: () => Promise<void>
    prevSlide: () => Promise<void>
    slides: Ref<{ no: number, meta?: { slide?: { title?: string, frontmatter: Record<string, unknown> } } }[]>
  }

  export function useNav(): SlidevNav
  export const configs: Record<string, unknown>

  /** Slidev's shared presenter state (slide, click, its timer), synced like the slides. */
  export const sharedState: {
    page: number
    clicks: number
    timer: { status: 'stopped' | 'running' | 'paused', slides: Record<number, { start?: number, end?: number }>, startedAt: number, pausedAt: number }
  }

  export function createSyncState<State extends object>(serverState: State, defaultState: State, persist?: boolean): {
    init: (channelKey: string) => void
    onPatch: (fn: (state: State) => void) => void
    onUpdate: (patch: Partial<State>) => void
    patch: <K extends keyof State>(key: K, value: State[K]) => void
    state: State
  }
  /** The slide canvas in CSS px (canvasWidth, and canvasWidth / aspectRatio). */
  export const slideWidth: ComputedRef<number>
  export const slideHeight: ComputedRef<number>
  export function onSlideEnter(cb: (to: number, from: number | undefined) => unknown): void
  export function onSlideLeave(cb: (to: number, from: number | undefined) => unknown): void
  export function useIsSlideActive(): ComputedRef<boolean>
  /** Slidev's context as it provides it: a reactive object, its nav's refs unwrapped. */
  export interface SlidevContext {
    configs: Record<string, unknown>
    nav: UnwrapNestedRefs<SlidevNav>
  }
  export function useSlideContext(): {
    $slidev: SlidevContext
    $page: Ref<number>
    $clicks: Ref<number>
    $frontmatter: Record<string, unknown>
    $nav: Ref<UnwrapNestedRefs<SlidevNav>>
  }
}

// The dev server's shared objects (Slidev's server-ref plugin); a plain object once built.
declare module 'server-reactive:live' {
  const state: Record<string, unknown> | undefined
  export default state
}
