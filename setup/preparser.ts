/**
 * The deck's own preparser (the citations have theirs in addons/citations/): QR codes of
 * the headmatter's `url:` on the title and closing slides, drawn at build time so the slide
 * carries them as vector paths (lib/takeAway.ts).
 */
import { definePreparserSetup } from '@slidev/types'
import { expandTakeAway } from '../lib/takeAway'

export default definePreparserSetup(({ headmatter }) => [
  {
    name: 'nmda-pain:take-away',
    async transformSlide(content) {
      return expandTakeAway(content, headmatter?.url)
    },
  },
])
