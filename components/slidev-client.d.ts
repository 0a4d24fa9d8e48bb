// The slice of @slidev/client the components use. Slidev ships its client as raw
// TypeScript that only type-checks inside Slidev's own build (it relies on build-time
// globals and router typings), so type checks here read this declaration instead
// (tsconfig `paths`). Vite and Slidev still bundle the real module.
declare module '@slidev/client' {
  import type { ComputedRef, Ref } from 'vue'

  export interface SlidevNav {
    clicks: ComputedRef<number>
    clicksTotal: ComputedRef<number>
    currentSlideNo: ComputedRef<number>
    isPrintMode: ComputedRef<boolean>
    isPrintWithClicks: Ref<boolean>
    next: () => Promise<void>
    prev: () => Promise<void>
    go: (no: number | string, clicks?: number) => Promise<void>
  }

  export function useNav(): SlidevNav
  export function onSlideEnter(cb: (to: number, from: number | undefined) => unknown): void
  export function onSlideLeave(cb: (to: number, from: number | undefined) => unknown): void
  export function useIsSlideActive(): ComputedRef<boolean>
  export function useSlideContext(): {
    $slidev: { configs: Record<string, unknown>, nav: SlidevNav }
    $page: Ref<number>
    $clicks: Ref<number>
    $frontmatter: Record<string, unknown>
    $nav: Ref<SlidevNav>
  }
}
