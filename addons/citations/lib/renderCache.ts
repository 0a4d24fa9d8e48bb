/**
 * Rendered slides and notes, kept while the citation numbers and the bibliography stay the
 * same: Slidev re-parses every file of the deck on each edit in dev, and only the slide
 * that changed needs its citations rendered again. Kept in store.mjs (it survives Slidev's
 * re-import of the preparser); one deck version is kept, the last one.
 */
import type { CitedDeck } from './citedDeck'
import { store } from './store.mjs'

const last = store('rendered', () => ({ kept: undefined as { bib: object, order: string, texts: Map<string, string | undefined> } | undefined }))

/** `once(key, render)`: the rendering of `key` for this deck's numbers, computed at most once. */
export function renderedOnce(deck: Pick<CitedDeck, 'bibliography' | 'references'>): (key: string, render: () => string | undefined) => string | undefined {
  const order = deck.references.map(r => r.key).join(' ')
  if (last.kept?.bib !== deck.bibliography || last.kept.order !== order) {
    last.kept = {
      bib: deck.bibliography,
      order,
      texts: new Map(),
    }
  }
  const { texts } = last.kept
  return (key, render) => {
    if (!texts.has(key))
      texts.set(key, render())
    return texts.get(key)
  }
}
