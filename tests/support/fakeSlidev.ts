import { computed, reactive, ref } from 'vue'

/**
 * A controllable stand-in for the parts of Slidev the diagrams use (components/slidev.ts):
 * print mode, click export, whether their slide is the one shown. Component tests mock the
 * module with this one:
 *   vi.mock('../../components/slidev', () => import('../support/fakeSlidev'))
 */
/** The states createSyncState handed out, emptied by fake.reset(). */
const syncStates: Record<string, unknown>[] = []

export const fake = {
  print: ref(false),
  withClicks: ref(false),
  /** Whether the mounted diagram's slide is the deck's current one. */
  shown: ref(false),
  reset() {
    fake.print.value = false
    fake.withClicks.value = false
    fake.shown.value = false
    setReducedMotion('no-preference')
    // A new deck for each test: nothing a previous test set lives on.
    for (const state of syncStates)
      Object.keys(state).forEach(k => delete state[k])
  },
  /** Slidev shows the slide. */
  showSlide() {
    fake.shown.value = true
  },
  /** Slidev moves on to another slide. */
  leaveSlide() {
    fake.shown.value = false
  },
}

export function setReducedMotion(value: 'reduce' | 'no-preference') {
  (window as any).happyDOM.settings.device.prefersReducedMotion = value
}

// The diagram's slide is slide 3; the deck shows it, or slide 4.
const nav = reactive({
  isPrintMode: computed(() => fake.print.value),
  isPrintWithClicks: computed(() => fake.withClicks.value),
  currentSlideNo: computed(() => fake.shown.value ? 3 : 4),
})

export function useSlideContext() {
  return {
    $page: ref(3),
    $nav: computed(() => nav),
  }
}
export function useDeckNav() {
  return nav
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
