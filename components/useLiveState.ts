/**
 * State a lecturer changes live (a slider of the Try-it slide, a blanked screen), shared by
 * the presenter view and every open deck window the way Slidev shares the slide and click:
 * through Slidev's own sync (its public `createSyncState`), which uses a BroadcastChannel
 * between windows of one browser in the built deck and the dev server's socket under
 * `npm run dev` (so a phone or a second laptop follows too).
 *
 *   const live = useLiveState('my-diagram', { dose: 1 })   // in a component's setup
 *   live.value.dose          // read (reactive)
 *   live.value = { ...live.value, dose: 2 }                // every window shows it
 *
 * Keys are per diagram; the value must be plain JSON. Print and export never see live
 * values: a printed page shows the component's initial state.
 */
import type { Ref } from 'vue'
// Slidev's dev server keeps this object and pushes every change to all clients (the plugin
// behind Slidev's own `nav` and `drawings` state; vite.config.ts declares the key). In the
// built deck it is a plain object and the BroadcastChannel carries the changes.
import serverLive from 'server-reactive:live'
import { computed, effectScope, ref } from 'vue'
import { configs, createSyncState, useDeckNav } from './slidev'

type LiveStore = Record<string, unknown>

let store: ReturnType<typeof createSyncState<LiveStore>> | undefined

/** Slidev names its channels after the deck's title, so two decks open side by side stay apart. */
function channelKey(): string {
  return `${String(configs.slidesTitle ?? configs.title ?? 'slidev')} - live`
}

/**
 * One store for the whole app, created outside any component: Slidev's sync watches the
 * state with `watch`, which must outlive the slide that first asked for it.
 */
function liveStore() {
  if (!store) {
    effectScope(true).run(() => {
      store = createSyncState<LiveStore>(serverLive ?? {}, {})
      store.init(channelKey())
      greetOtherWindows(store)
    })
  }
  return store!
}

/**
 * A window opened after something was changed (the projector window opened late, a reload)
 * asks the others for what they hold; BroadcastChannel itself only carries later changes.
 * The dev server needs none of this: it keeps the state and hands it to every new client.
 */
function greetOtherWindows(s: NonNullable<typeof store>): void {
  if (typeof BroadcastChannel === 'undefined' || import.meta.hot)
    return
  const hello = new BroadcastChannel(`${channelKey()} - hello`)
  hello.addEventListener('message', (event: MessageEvent<{ ask?: true, state?: LiveStore }>) => {
    if (event.data.ask && Object.keys(s.state).length) {
      hello.postMessage({
        state: JSON.parse(JSON.stringify(s.state)),
      })
    }
    else if (event.data.state) {
      s.onUpdate(event.data.state)
    }
  })
  hello.postMessage({ ask: true })
}

export function useLiveState<T extends object>(key: string, initial: T): Ref<T> {
  const local = ref(initial) as Ref<T>
  if (useDeckNav()?.isPrintMode)
    return local
  const s = liveStore()
  return computed<T>({
    get: () => (s.state[key] as T | undefined) ?? initial,
    set: (value) => {
      s.state[key] = JSON.parse(JSON.stringify(value))
    },
  })
}
