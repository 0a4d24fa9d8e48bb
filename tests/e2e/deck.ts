import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadDeck } from '../../lib/deck'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** The deck as Slidev parses it, for tests that need slide numbers or titles. */
export function deck() {
  return loadDeck(resolve(root, 'slides.md'))
}

/** Number of the first slide whose source (content or notes) matches `pattern`. */
export async function slideNumberOf(pattern: RegExp): Promise<number> {
  const d = await deck()
  const slide = d.slides.find(s => pattern.test(s.content) || pattern.test(s.note))
  if (!slide)
    throw new Error(`no slide matches ${pattern}`)
  return slide.no
}
