/**
 * One key for the presenter's timer (Slidev's own timer controls show only on mouse hover):
 * `t` starts, pauses and resumes it. The clock also starts by itself with the first advance
 * (custom-nav-controls.vue). Slidev's own shortcuts are kept as they are.
 */
import type { ShortcutOptions } from '@slidev/types'
import { sharedState } from '@slidev/client'
import { defineShortcutsSetup } from '@slidev/types'
import { toggled } from '../lib/sectionTimer'

export default defineShortcutsSetup((_nav, base: ShortcutOptions[]) => [
  ...base,
  {
    name: 'toggle_timer',
    key: 't',
    fn: () => {
      sharedState.timer = {
        ...sharedState.timer,
        ...toggled(sharedState.timer, Date.now()),
      }
    },
  },
])
