/**
 * One key for the presenter's timer (Slidev's own timer controls show only on mouse hover):
 * `t` starts, pauses and resumes it. The clock also starts by itself with the first advance
 * (custom-nav-controls.vue). Slidev's own shortcuts are kept as they are.
 */
import type { ShortcutOptions } from '@slidev/types'
import { sharedState } from '@slidev/client'
import { defineShortcutsSetup } from '@slidev/types'
import { toRaw } from 'vue'
import { toggled } from '../lib/sectionTimer'

export default defineShortcutsSetup((_nav, base: ShortcutOptions[]) => [
  ...base,
  {
    name: 'toggle_timer',
    key: 't',
    fn: () => {
      // From the raw timer: a proxy inside the shared state stops its sync (custom-nav-controls.vue).
      sharedState.timer = toggled(toRaw(sharedState.timer), Date.now())
    },
  },
])
