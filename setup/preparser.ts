/**
 * The deck's own preparser (the citations have theirs in addons/citations/): which `src:`
 * block a slide's budget came from, for the presenter's section clock; QR codes of
 * the headmatter's `url:` on the title and closing slides, drawn at build time so the slide
 * carries them as vector paths (lib/takeAway.ts).
 */
import { definePreparserSetup } from '@slidev/types'
import { BUDGET_SRC_KEY } from '../lib/sectionTimer'
import { expandTakeAway } from '../lib/takeAway'

export default definePreparserSetup(({ headmatter }) => [
  {
    // A `src:` block with a budget names itself to the slides it imports, so the presenter's
    // clock tells two neighbouring blocks of equal budget apart (lib/sectionTimer.ts).
    name: 'nmda-pain:budget-src',
    async transformSlide(_content, frontmatter: Record<string, unknown>) {
      if (typeof frontmatter?.src === 'string' && frontmatter.budget !== undefined)
        frontmatter[BUDGET_SRC_KEY] = frontmatter.src
      return undefined
    },
  },
  {
    name: 'nmda-pain:take-away',
    async transformSlide(content) {
      return expandTakeAway(content, headmatter?.url)
    },
  },
])
