import { dirname, resolve } from 'node:path'

/**
 * The `bibliography:` headmatter key, relative to the entry file; references.bib by default.
 * A module of its own, importing nothing heavy: setup/vite-plugins.ts needs it at the dev
 * server's start, where citedDeck.ts would load citation-js a second time.
 */
export function bibliographyPath(entry: string, headmatter: Record<string, unknown>): string {
  const named = typeof headmatter.bibliography === 'string'
    ? headmatter.bibliography
    : 'references.bib'
  return resolve(dirname(entry), named)
}
