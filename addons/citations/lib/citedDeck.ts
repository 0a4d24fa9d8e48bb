/**
 * A deck and its citations: the deck read through Slidev's own parser (`src:` imports,
 * ranges, hidden slides and notes count exactly as they render), the bibliography, the
 * numbers and the formatted references. Used by the preparser (rendering) and the check.
 *
 * Cheap enough for every edit in dev: the parser reads a few dozen files in ~10 ms; the
 * bibliography is parsed once per file version (mtime), and each entry is formatted once
 * per bibliography version, so a new citation order costs a renumbering, not citation-js.
 */
import type { SlideInfo } from '@slidev/types'
import type { Bibliography } from './bibliography'
import type { DeckCitations } from './deck'
import type { FormattedReference } from './vancouver'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import process from 'node:process'
import { isDeepStrictEqual } from 'node:util'
import { parse } from '@slidev/parser'
import { load } from '@slidev/parser/fs'
import { loadBibliography } from './bibliography'
import { bibliographyPath } from './bibliographyPath'
import { citationNumbers, collectDeckCitations } from './deck'
import { nearest } from './nearest'
import { slideSourceItems } from './render'
import { store } from './store.mjs'
import { formatVancouver } from './vancouver'

export interface CitedDeck {
  entry: string
  headmatter: Record<string, unknown>
  /** The slides as written (no preparser applied: notes still say `[@key]`), as Slidev's parser returns them. */
  slides: SlideInfo[]
  citations: DeckCitations
  /** Absolute path of the bibliography named by the headmatter (`bibliography:`). */
  bibFile: string
  bibliography: Bibliography
  /** Key -> reference number. */
  numbers: Map<string, number>
  /** The cited entries that exist, in reference-number order, formatted (Vancouver). */
  references: FormattedReference[]
}

/** What Slidev's parser returns for a deck. */
export type ParsedDeck = Awaited<ReturnType<typeof load>>

/**
 * Reads a deck through Slidev's parser as its author wrote it. `roots: []` asks Slidev's
 * preparser loader (process-wide in the parser, installed by Slidev's CLI) for the setups
 * of no root, so no preparser runs: ours, when it reads the deck from inside Slidev, is
 * not re-entered, and nothing global is changed. `source` may rewrite a file's text as it
 * is read (the deck's build reads the references expanded that way).
 */
export async function readDeck(entryPath: string, source?: (path: string, text: string) => string): Promise<ParsedDeck> {
  const entry = resolve(entryPath)
  const root = dirname(entry)
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8')
    return source
      ? source(path, text)
      : text
  }
  const data = await load({ userRoot: root, roots: [] } as any, entry, async path => read(path))
  const errors = Object.values(data.markdownFiles).flatMap(md => (md.errors ?? []).map(e => deckReadMessage(root, md.filepath, e.row, e.message, read(md.filepath).split('\n'))))
  if (errors.length)
    throw new DeckReadError(errors.join('\n'))
  return data
}

/** The deck's files could not be read as a talk (a `src:` with no file behind it, ...): the message is written for the lecturer. */
export class DeckReadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeckReadError'
  }
}

/**
 * Slidev's parser error as `file:line:column: message`, the file relative to the deck. Its row
 * is the slide's opening `---`; a missing import is pointed at its `src:` line, with the
 * nearest file of that folder (a typo in a section's name is the usual cause).
 */
export function deckReadMessage(root: string, filepath: string, row: number, message: string, lines: string[]): string {
  const file = relative(root, filepath)
  const missing = /^Imported markdown file not found: (.+)$/.exec(message)
  if (!missing)
    return `${file}:${row + 1}:1: ${message}`
  const at = lines.findIndex((l, i) => i >= row && /^src\s*:/.test(l))
  const line = at < 0
    ? row
    : at
  // The column where the path starts, after `src:` and its spaces.
  const column = at < 0
    ? 1
    : /^src\s*:\s*/.exec(lines[at]!)![0].length + 1
  const wanted = missing[1]!
  const folder = dirname(wanted)
  const files = existsSync(folder)
    ? readdirSync(folder).filter(f => f.endsWith('.md'))
    : []
  const near = nearest(basename(wanted), files, 1, w => Math.max(3, Math.floor(w.length / 4)))
  const shown = relative(dirname(filepath), wanted)
  const hint = near.length
    ? ` Did you mean ./${relative(dirname(filepath), resolve(folder, near[0]!))}?`
    : existsSync(folder)
      ? ''
      : ` There is no folder ${relative(root, folder)}/.`
  return `${file}:${line + 1}:${column}: src: no file at ./${shown}.${hint} Fix the path after src:, or remove the block.`
}

/** The last deck `readDeckAgain` read, per entry file. In store.mjs: it outlives Slidev's re-import of the preparser. */
const lastRead = store('last-read-deck', () => new Map<string, ParsedDeck>())

/**
 * `readDeck` for the dev server, which reads the deck again on every saved edit: only the
 * files whose text changed are parsed again, and only while each of their slides keeps its
 * frontmatter (so the talk keeps its slides, `src:` imports, ranges and hidden slides, and
 * the edited slides take the places their old versions had). Anything else, a slide added
 * or removed, a frontmatter edited, a file gone or a parse error, reads the whole deck as
 * `readDeck` does. Unchanged slides keep their objects, so work cached per slide survives.
 */
export async function readDeckAgain(entryPath: string): Promise<ParsedDeck> {
  const entry = resolve(entryPath)
  const before = lastRead.get(entry)
  const data = (before && await withEditedFiles(before)) ?? await readDeck(entry)
  lastRead.set(entry, data)
  return data
}

/** `before` with the edited files parsed again, or undefined when the whole deck must be read. */
async function withEditedFiles(before: ParsedDeck): Promise<ParsedDeck | undefined> {
  const markdownFiles = { ...before.markdownFiles }
  const edited = new Map<object, ParsedDeck['slides'][number]['source']>()
  for (const [path, md] of Object.entries(before.markdownFiles)) {
    let raw: string
    try {
      raw = readFileSync(path, 'utf8')
    }
    catch {
      return undefined
    }
    if (raw === md.raw)
      continue
    const again = await parse(raw, md.filepath)
    if (again.slides.length !== md.slides.length)
      return undefined
    for (const [i, slide] of again.slides.entries()) {
      if (!isDeepStrictEqual(slide.frontmatter, md.slides[i]!.frontmatter))
        return undefined
      edited.set(md.slides[i]!, slide)
    }
    markdownFiles[path] = again
  }
  if (!edited.size)
    return before
  // The first slide can name the talk (Slidev takes the headmatter's title from it).
  if (edited.has(before.slides[0]?.source as object))
    return undefined
  const slides = before.slides.map((s) => {
    const source = edited.get(s.source)
    // A slide imported through an edited file (a `src:` block in it) keeps its own source but
    // takes that block's new version: its line, where an error about the import points.
    const importChain = s.importChain?.some(c => edited.has(c))
      ? s.importChain.map(c => edited.get(c) ?? c)
      : s.importChain
    if (!source && importChain === s.importChain)
      return s
    return {
      ...s,
      ...(source && {
        content: source.content,
        revision: source.revision,
        frontmatterRaw: source.frontmatterRaw,
        note: source.note,
        title: source.title,
        level: source.level,
        source,
      }),
      importChain,
    }
  })
  return {
    ...before,
    slides,
    entry: markdownFiles[before.entry.filepath] ?? before.entry,
    markdownFiles,
  }
}

/** A path as messages show it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !isAbsolute(rel)
    ? rel
    : file
}

/**
 * Parsed bibliographies by file, valid while the file's mtime and size are unchanged: the
 * dev server reads the deck on every edit, and citation-js takes ~30 ms for this one.
 * In store.mjs, which survives Slidev's re-import of the preparser on every edit.
 */
const bibCache = store('bibliographies', () => new Map<string, { version: string, bib: Bibliography }>())

export function readBibliography(file: string): Bibliography {
  let version: string
  try {
    const s = statSync(file)
    version = `${s.mtimeMs}:${s.size}`
  }
  catch {
    return {
      file,
      entries: [],
      byKey: new Map(),
      unparsed: new Map(),
      findings: [
        {
          severity: 'error',
          code: 'no-bibliography',
          file,
          line: 1,
          col: 1,
          message: `bibliography ${file} not found; create it or fix the 'bibliography:' line of the headmatter.`,
        },
      ],
    }
  }
  const cached = bibCache.get(file)
  if (cached?.version === version)
    return cached.bib
  const bib = loadBibliography(readFileSync(file, 'utf8'), displayPath(file))
  bibCache.set(file, { version, bib })
  return bib
}

/** Formatted entries per bibliography version, by key: numbering is applied on top. */
const formatted = store('formatted-references', () => new WeakMap<Bibliography, Map<string, FormattedReference>>())

/**
 * The references for keys in citation order, numbered 1... Formats only the entries not
 * formatted before for this bibliography (a Vancouver entry reads the same whatever its
 * number; a unit test holds this against formatting the whole list at once).
 */
export function numberedReferences(order: readonly string[], bib: Bibliography): FormattedReference[] {
  let cache = formatted.get(bib)
  if (!cache)
    formatted.set(bib, cache = new Map())
  const missing = order.filter(k => !cache.has(k) && bib.byKey.has(k))
  for (const r of formatVancouver(missing.map(k => bib.byKey.get(k)!)))
    cache.set(r.key, r)
  return order.filter(k => cache.has(k)).map((k, i) => ({
    ...cache.get(k)!,
    number: i + 1,
  }))
}

/** The citations of a deck Slidev's parser has read. */
export function citeDeck(entry: string, data: ParsedDeck, options: { bibFile?: string } = {}): CitedDeck {
  const slides = data.slides
  const citations = collectDeckCitations(slides)
  const bibFile = options.bibFile
    ? resolve(options.bibFile)
    : bibliographyPath(entry, data.headmatter)
  const bibliography = readBibliography(bibFile)
  // Numbers go to keys that resolve: a missing key is an error, and must not shift the
  // numbers of everything cited after it.
  const order = citations.order.filter(k => bibliography.byKey.has(k))
  return {
    entry: resolve(entry),
    headmatter: data.headmatter,
    slides,
    citations,
    bibFile,
    bibliography,
    numbers: citationNumbers(order),
    references: numberedReferences(order, bibliography),
  }
}

/**
 * Reads the deck at `entryPath` and its citations. `again`: the dev server's edit loop, where
 * only the edited files are read again (`readDeckAgain`).
 */
export async function loadCitedDeck(entryPath: string, options: { bibFile?: string, again?: boolean } = {}): Promise<CitedDeck> {
  return citeDeck(entryPath, await (options.again
    ? readDeckAgain
    : readDeck)(entryPath), options)
}

/** The short source lines of one slide (1-based number), as the slide shows them. */
export function slideSources(deck: CitedDeck, slideNo: number): string[] {
  const keys = deck.citations.occurrences.filter(o => o.slide === slideNo && o.part === 'content').map(o => o.key)
  return slideSourceItems(keys, deck.numbers, deck.bibliography).map(i => `${i.n} ${i.text}${i.mark ?? ''}`)
}
