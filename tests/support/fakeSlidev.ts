import { computed, ref } from 'vue'

/**
 * A controllable stand-in for the parts of @slidev/client the diagrams use: print mode,
 * click export, slide enter/leave. Component tests mock the module with this one:
 *   vi.mock('@slidev/client', () => import('../support/fakeSlidev'))
 */
export const fake = {
  print: ref(false),
  withClicks: ref(false),
  enter: [] as (() => void)[],
  leave: [] as (() => void)[],
  reset() {
    fake.print.value = false
    fake.withClicks.value = false
    fake.enter = []
    fake.leave = []
    setReducedMotion('no-preference')
  },
  /** Slidev shows the slide: run what the component registered with onSlideEnter. */
  showSlide() {
    fake.enter.forEach(cb => cb())
  },
}

export function setReducedMotion(value: 'reduce' | 'no-preference') {
  (window as any).happyDOM.settings.device.prefersReducedMotion = value
}

export function useNav() {
  return { isPrintMode: computed(() => fake.print.value), isPrintWithClicks: fake.withClicks }
}
export function onSlideEnter(cb: () => void) {
  fake.enter.push(cb)
}
export function onSlideLeave(cb: () => void) {
  fake.leave.push(cb)
}
