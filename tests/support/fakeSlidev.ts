import { computed, reactive, ref } from 'vue'

/**
 * A controllable stand-in for the parts of @slidev/client the diagrams use: print mode,
 * click export, slide enter/leave. Component tests mock the module with this one:
 *   vi.mock('@slidev/client', () => import('../support/fakeSlidev'))
 */
/** The states createSyncState handed out, emptied by fake.reset(). */
const syncStates: Record<string, unknown>[] = []

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
    // A new deck for each test: nothing a previous test set lives on.
    for (const state of syncStates)
      Object.keys(state).forEach(k => delete state[k])
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
  return {
    isPrintMode: computed(() => fake.print.value),
    isPrintWithClicks: fake.withClicks,
  }
}
export function onSlideEnter(cb: () => void) {
  fake.enter.push(cb)
}
export function onSlideLeave(cb: () => void) {
  fake.leave.push(cb)
}

export const configs = { slidesTitle: 'Test deck' }

/**
 * Slidev's createSyncState without a second window: the state is local, so a component
 * behaves as in a deck opened alone. Sharing itself is tested in real Chromium
 * (tests/e2e/presenter.spec.ts).
 */
export function createSyncState<State extends object>(_server: State, defaultState: State) {
  const state = reactive(defaultState) as State
  syncStates.push(state as Record<string, unknown>)
  return {
    state,
    init: () => {},
    onPatch: () => {},
    onUpdate: (patch: Partial<State>) => Object.assign(state, patch),
    patch: <K extends keyof State>(key: K, value: State[K]) => {
      state[key] = value
    },
  }
}
