/**
 * The handout is a page of the deck: /handout lays out the slides as Slidev renders them
 * beside their notes (pages/handout.vue), and the build prints it as it prints /print.
 * pages/ is not a folder Slidev scans for components, so the page is not a slide component.
 */
import { defineRoutesSetup } from '@slidev/types'

export default defineRoutesSetup(routes => [
  // Before Slidev's catch-all routes (/:no and the 404), which would otherwise take it.
  {
    name: 'handout',
    path: '/handout',
    component: () => import('../pages/handout.vue'),
  },
  ...routes,
])
