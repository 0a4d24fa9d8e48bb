import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { CANVAS_WIDTH, HALL_WIDTH } from '../../lib/hallChecks'
import { canvasSize } from '../../lib/pipeline'
import { entryFiles } from '../support/project'

// The slide canvas is one number in three places: each entry file's canvasWidth, the type
// scale's --hall-px (styles/tokens.css) and CANVAS_WIDTH, which the checks use. At 16:9 its
// height must be whole: Slidev rounds it up, and the slide no longer fills a 16:9 screen.
describe('the slide canvas', () => {
  it('is a whole number of px tall at its aspect ratio, as Slidev draws it', () => {
    for (const headmatter of [
      {},
      { canvasWidth: 980 },
      { canvasWidth: CANVAS_WIDTH },
    ])
      expect(canvasSize(headmatter).height).toBe(Math.ceil(Number(headmatter.canvasWidth ?? 980) * 9 / 16))
    expect(CANVAS_WIDTH * 9 / 16, `canvasWidth ${CANVAS_WIDTH} at 16:9`).toSatisfy(Number.isInteger)
  })

  it('is the same width in both entry files and in the type scale', async () => {
    for (const entry of entryFiles) {
      const deck = await loadDeck(entry)
      expect(deck.headmatter.canvasWidth, `${entry}: canvasWidth`).toBe(CANVAS_WIDTH)
      expect(deck.headmatter.aspectRatio ?? '16/9', `${entry}: aspectRatio`).toBe('16/9')
    }
    const tokens = readFileSync('styles/tokens.css', 'utf8')
    expect(tokens).toContain(`--hall-px: calc(${CANVAS_WIDTH}px / ${HALL_WIDTH});`)
  })
})
