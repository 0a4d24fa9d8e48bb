import { useLiveState } from './useLiveState'

/**
 * The projector blanked (`b` or `.`, a remote's "blank screen" key): shared by every window,
 * so the lecturer blanks the projector from the presenter view. global-top.vue draws it.
 */
export function useScreenBlank() {
  return useLiveState('screen', { blank: false })
}
