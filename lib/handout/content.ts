/**
 * What the handout says, before any layout. The handout page (pages/handout.vue) reads
 * it from the deck as Slidev rendered it (slides, their notes, the reference slides), so
 * nothing here parses Markdown or reads files: plain data in, plain data out, in the
 * browser and in unit tests alike.
 */
import type { PartSlide } from '../outline'
import type { SlideLike } from '../sectionTimer'
import { partStarts } from '../outline'
import { plainTitle } from '../plainTitle'
import { formatDate } from '../talkConfig'

/** A slide as deckOutline() takes it. */
export type TitledSlide = PartSlide

export interface HandoutCover {
  title: string
  subtitle?: string
  presenter?: string
  affiliation?: string
  event?: string
  date?: string
}

/** A slide of the rendered deck, as the handout page sees it. */
export interface RenderedSlide {
  no: number
  /** Slidev's title (may carry markup: Mg<sup>2+</sup>). */
  title?: string
  layout?: string
  /** Its `budget:`, if any, and the `src:` block it came from (lib/sectionTimer.ts timing()). */
  budget?: SlideLike['budget']
  block?: SlideLike['block']
  /** The slide is one page of the generated reference list (it holds a <ReferenceList>). */
  isReferences: boolean
}

/** One entry of the reference list, as the generated reference slides carry it. */
export interface HandoutReference {
  key: string
  number: number
  /** The entry as the reference slides show it (HTML, identifiers as links). */
  html: string
  /** The short source line ("Petrenko AB et al. Anesth Analg 2003"). */
  short: string
  /** The evidence mark ("†") the reference slides show, or undefined for a verified entry. */
  mark?: string
}

export interface SourceLine {
  n: number
  text: string
  mark?: string
}

export interface HandoutRow {
  /** Slide number, as in the deck's URL and the slides PDF. */
  no: number
  title: string
  section?: string
}

export interface HandoutContent {
  rows: HandoutRow[]
  references: readonly { number: number }[]
  /** The "Sources and corrections" appendix, after the references (none: no appendix). */
  appendix?: readonly AppendixEntry[]
  /** Slide number of the first reference slide (its bookmark opens the handout's list). */
  referencesNo?: number
  /** Slides of the deck as the bookmarks name them (plain titles, references as a section). */
  outlineSlides: TitledSlide[]
}

/**
 * One row per slide, except the reference slides: the handout's own reference list at the
 * end holds the same entries, set for paper. The list closes the bookmarks wherever the deck
 * puts its reference slides, as a part of its own, since bookmarks follow the pages.
 */
export function handoutContent(slides: readonly RenderedSlide[], references: readonly { number: number }[], appendix: readonly AppendixEntry[] = []): HandoutContent {
  const rows: HandoutRow[] = []
  const outlineSlides: TitledSlide[] = []
  let referencesNo: number | undefined
  let section: string | undefined
  const titled = slides.map(s => ({
    no: s.no,
    title: plainTitle(s.title ?? '') || `Slide ${s.no}`,
    ...(s.layout
      ? { layout: s.layout }
      : {}),
    ...(s.budget !== undefined
      ? { budget: s.budget }
      : {}),
    ...(s.block !== undefined
      ? { block: s.block }
      : {}),
  }))
  // The running headers name the parts the bookmarks and the presenter view name.
  const starts = partStarts(titled)
  for (const [i, s] of slides.entries()) {
    if (s.isReferences) {
      referencesNo ??= s.no
      continue
    }
    const { title } = titled[i]!
    outlineSlides.push(titled[i]!)
    section = starts.get(s.no) ?? section
    rows.push({
      no: s.no,
      title,
      ...(section
        ? { section }
        : {}),
    })
  }
  if (referencesNo)
    outlineSlides.push({ no: referencesNo, title: 'References', layout: 'section' })
  return {
    rows,
    references,
    ...(appendix.length
      ? { appendix }
      : {}),
    ...(referencesNo
      ? { referencesNo }
      : {}),
    outlineSlides,
  }
}

/** Citation keys in rendered HTML (`data-cite="a b"` on superscripts and source items), in order, each once. */
export function citedKeys(html: string): string[] {
  const keys = [
    ...html.matchAll(/\sdata-cite="([^"]*)"/g),
  ].flatMap(m => m[1]!.split(/\s+/)).filter(Boolean)
  return [
    ...new Set(keys),
  ]
}

/** The short sources of the keys a slide cites (on the slide or in its notes), by number. */
export function rowSources(keys: readonly string[], references: ReadonlyMap<string, HandoutReference>): SourceLine[] {
  const seen = new Set<number>()
  const out: SourceLine[] = []
  for (const key of keys) {
    const ref = references.get(key)
    if (!ref || seen.has(ref.number))
      continue
    seen.add(ref.number)
    out.push({
      n: ref.number,
      text: ref.short,
      ...(ref.mark
        ? { mark: ref.mark }
        : {}),
    })
  }
  return out.sort((a, b) => a.n - b.n)
}

function text(value: unknown): string | undefined {
  return value == null || String(value).trim() === ''
    ? undefined
    : String(value).trim()
}

export function handoutCover(headmatter: Record<string, unknown>, firstTitle = 'Slides'): HandoutCover {
  const cover: HandoutCover = { title: text(headmatter.title) ?? firstTitle }
  // The presenter's name is Slidev's `author` key: `presenter` is Slidev's switch for the
  // presenter view ('dev', 'build', true), not a name.
  const presenter = text(headmatter.author)
  if (presenter)
    cover.presenter = presenter
  for (const f of ['subtitle', 'affiliation', 'event'] as const) {
    const v = text(headmatter[f])
    if (v)
      cover[f] = v
  }
  const date = formatDate(headmatter.date)
  if (date)
    cover.date = date
  return cover
}

/** What the cover says about the handout itself. */
/**
 * Whether the deck says it reproduces a source lecture (`sourceOutline:` in the headmatter):
 * only then does the handout end with what was corrected from it. A fork that is its own talk
 * deletes the key (README), and its audience never saw the lecture those corrections are of.
 */
export function hasSourceLecture(headmatter: Record<string, unknown>): boolean {
  return typeof headmatter.sourceOutline === 'string' && headmatter.sourceOutline.trim() !== ''
}

export function aboutLines(headmatter: Record<string, unknown>, withAppendix = false): string[] {
  const by = [headmatter.author, headmatter.affiliation].filter(Boolean).join(', ')
  return [
    'Each slide is printed beside what the speaker says about it (a slide with a table above it, across the page), with ruled lines for your own notes.',
    withAppendix
      ? 'Superscript numbers are the sources, as on the slides; the full references (Vancouver style, with DOI and PubMed identifiers where a record confirmed them) follow the slides, and the sources and corrections of this lecture are listed at the end.'
      : 'Superscript numbers are the sources, as on the slides; the full references (Vancouver style, with DOI and PubMed identifiers where a record confirmed them) are at the end.',
    ...(by
      ? [`Prepared by ${by}.`]
      : []),
  ]
}

/**
 * The introduction of the reference list; `legend` is the evidence legend the deck's reference
 * slides show (the citations addon writes it, "† Low certainty: ..."), when any entry is marked.
 */
export function referencesIntro(legend?: string): string {
  return `Numbered in order of first citation, as on the slides (Vancouver style).${legend
    ? ` ${legend.replace(/\.?\s*$/, '.')}`
    : ''}`
}

/**
 * Who a paragraph of the speaker notes is for, by the convention of the notes (README,
 * "Speaker notes"): one that opens with `Presenter:` is a direction to the presenter, one
 * that opens with `Maintainer:`, `Correction:`, `Corrections:` or `Note on the source:` is a
 * remark for whoever maintains the deck. Every other paragraph is what a student reads.
 */
export const NOT_FOR_STUDENTS_RE = /^\s*(Presenter|Maintainer|Corrections?|Note on the source)\s*:/i

/** Who a paragraph of the notes is for ('source': a correction or a note on the source). */
export type NoteAudience = 'student' | 'presenter' | 'maintainer' | 'source'

/** The audience of one paragraph of the notes, by its opening label (NOT_FOR_STUDENTS_RE). */
export function noteAudience(text: string): NoteAudience {
  const label = NOT_FOR_STUDENTS_RE.exec(text)?.[1]?.toLowerCase()
  if (!label)
    return 'student'
  return label === 'presenter' || label === 'maintainer'
    ? label
    : 'source'
}

/**
 * The maintainer's paragraphs that a student may read, in the handout's "Sources and
 * corrections" appendix: what was corrected from the source lecture (`Correction:`,
 * `Corrections:`) and remarks on the source (`Note on the source:`). `Presenter:` and
 * `Maintainer:` paragraphs are for the presenter and the maintainer only.
 */
export const FOR_APPENDIX_RE = /^\s*(?:Corrections?|Note on the source)\s*:/i

/** The appendix's introduction: a student reads why it is there and what it is not. */
export const APPENDIX_INTRO = 'Where this lecture departs from the source lecture it was built from, slide by slide: what was corrected, and notes on the source. The notes beside each slide already give the corrected account.'

/** One slide's entry in the appendix. */
export interface AppendixEntry {
  no: number
  title: string
  /** The slide's `Correction:` and `Note on the source:` paragraphs, as Slidev rendered them. */
  html: string
}

const CLICK_MARK_RE = /<span class="slidev-note-click-mark"[^>]*><\/span>[ \t]*/g

/** The paragraphs of rendered notes that `test` accepts (tags ignored), click markers dropped. */
function paragraphsWhere(noteHtml: string, test: (text: string) => boolean): string {
  return [
    ...noteHtml.matchAll(/<p>([\s\S]*?)<\/p>/g),
  ]
    .filter(m => test(m[1]!.replace(/<[^>]*>/g, '')))
    .map(m => m[0].replace(CLICK_MARK_RE, ''))
    .join('\n')
}

/**
 * The "Sources and corrections" appendix: per slide, in deck order, the corrections and notes
 * on the source from its speaker notes; slides with none are left out.
 */
export function sourcesAndCorrections(slides: readonly { no: number, title?: string, noteHtml?: string }[]): AppendixEntry[] {
  return slides.flatMap((s) => {
    const html = paragraphsWhere(s.noteHtml ?? '', t => FOR_APPENDIX_RE.test(t))
    return html
      ? [
          { no: s.no, title: plainTitle(s.title ?? '') || `Slide ${s.no}`, html },
        ]
      : []
  })
}

/**
 * The notes a student reads, from the notes as Slidev rendered them (the presenter view keeps
 * them whole): paragraphs for the presenter or the maintainer left out, and Slidev's click
 * markers dropped (a reader has no clicks to follow; the narration stays).
 */
export function studentNotesHtml(noteHtml: string): string {
  return noteHtml
    .replace(/<p>([\s\S]*?)<\/p>\s*/g, (p, inner: string) => NOT_FOR_STUDENTS_RE.test(inner.replace(/<[^>]*>/g, ''))
      ? ''
      : p)
    .replace(CLICK_MARK_RE, '')
    .trim()
}
