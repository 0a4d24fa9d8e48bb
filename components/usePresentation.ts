import type { Ref } from 'vue'
import { usePreferredReducedMotion } from '@vueuse/core'
import { computed, onBeforeUnmount, onMounted, watch } from 'vue'
import { useDeckNav, useSlideContext } from './slidev'

/**
 * What a diagram needs to know about how it is being shown. Shared by the animated
 * diagrams so that print and reduced-motion rules are decided in one place.
 */
export function usePresentation() {
  const nav = useDeckNav()
  const preference = usePreferredReducedMotion()
  const printing = computed(() => Boolean(nav?.isPrintMode))
  // A plain PDF export renders each slide once at its last click: diagrams then show the
  // summary frame. Click export renders one page per click, so each step shows as itself.
  const printSummary = computed(() => printing.value && !nav?.isPrintWithClicks)
  const reducedMotion = computed(() => preference.value === 'reduce')
  return { printing, printSummary, reducedMotion }
}

/**
 * Calls `frame(dtMs)` on every animation frame, but only while this component's slide is
 * the one shown and `enabled` is true. Timers must never run in print or on hidden slides:
 * a 2-core laptop presenting 40 slides cannot afford 40 idle loops.
 */
export function useSlideAnimation(frame: (dtMs: number) => void, enabled: Ref<boolean>) {
  // The slide's own page against the deck's current one, as Slidev's onSlideEnter/Leave
  // compare them (in print and export too).
  const { $page, $nav } = useSlideContext()
  const onSlide = computed(() => $page.value === $nav.value.currentSlideNo)
  let handle = 0
  let last = 0
  const tick = (now: number) => {
    frame(last
      ? Math.min(now - last, 100)
      : 0)
    last = now
    handle = requestAnimationFrame(tick)
  }
  const stop = () => {
    if (handle)
      cancelAnimationFrame(handle)
    handle = 0
    last = 0
  }
  const sync = () => {
    stop()
    if (onSlide.value && enabled.value)
      handle = requestAnimationFrame(tick)
  }
  // From mount, as Slidev's onSlideEnter: a frame never runs before the drawing exists.
  onMounted(() => watch([onSlide, enabled], sync, { immediate: true }))
  onBeforeUnmount(stop)
  return { onSlide }
}
