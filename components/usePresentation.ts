import type { Ref } from 'vue'
import { onSlideEnter, onSlideLeave, useNav } from '@slidev/client'
import { usePreferredReducedMotion } from '@vueuse/core'
import { computed, onBeforeUnmount, ref, watch } from 'vue'

/**
 * What a diagram needs to know about how it is being shown. Shared by the animated
 * diagrams so that print and reduced-motion rules are decided in one place.
 */
export function usePresentation() {
  const nav = useNav()
  const preference = usePreferredReducedMotion()
  const printing = computed(() => nav.isPrintMode.value)
  // A plain PDF export renders each slide once at its last click: diagrams then show the
  // summary frame. Click export renders one page per click, so each step shows as itself.
  const printSummary = computed(() => nav.isPrintMode.value && !nav.isPrintWithClicks.value)
  const reducedMotion = computed(() => preference.value === 'reduce')
  return { printing, printSummary, reducedMotion }
}

/**
 * Calls `frame(dtMs)` on every animation frame, but only while this component's slide is
 * the one shown and `enabled` is true. Timers must never run in print or on hidden slides:
 * a 2-core laptop presenting 40 slides cannot afford 40 idle loops.
 */
export function useSlideAnimation(frame: (dtMs: number) => void, enabled: Ref<boolean>) {
  const onSlide = ref(false)
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
  onSlideEnter(() => {
    onSlide.value = true
  })
  onSlideLeave(() => {
    onSlide.value = false
  })
  watch([onSlide, enabled], sync)
  onBeforeUnmount(stop)
  return { onSlide }
}
