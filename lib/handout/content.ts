/**
 * What the handout says, before any layout: the cover, one row per slide (notes rendered
 * from Markdown with the deck's citation numbers, and the short sources the slide cites),
 * the reference list, and where each slide of the deck sits in the built site.
 */
import type { Bibliography, DeckCitations, FormattedReference } from '../../addons/citations/lib'
import MarkdownIt from 'markdown-it'
import { citationHtml, escapeHtml, hasReferencesMarker, referencePageCount, replaceCitations, slideSourceItems } from '../../addons/citations/lib'
import { plainTitle } from '../deck'

/** The parts of the citations addon's `CitedDeck` the handout reads. */
export interface CitedDeckLike {
  headmatter: Record<string, unknown>
  /** Slides as the author wrote them (no preparser applied): notes still say [@key]. */
  slides: readonly CitedSlide[]
  citations: DeckCitations
  bibliography: Bibliography
  numbers: ReadonlyMap<string, number>
  references: readonly FormattedReference[]
}

/** The parts of Slidev's `SlideInfo` the handout reads. */
export interface CitedSlide {
  index: number
  title?: string
  note?: string
  frontmatter?: Record<string, unknown>
  source: { raw: string, filepath: string, start: number }
}

/** A slide as deckOutline() takes it. */
export interface TitledSlide {
  no: number
  title: string
  layout?: string
}

export interface HandoutCover {
  title: string
  subtitle?: string
  presenter?: string
  affiliation?: string
  event?: string
  date?: string
}

export interface SourceLine {
  n: number
  text: string
  mark?: string
}

export interface HandoutRow {
  /**
   * Slide number as the audience sees it: in the built site, its /print route and the
   * slides PDF (the references section counts as the slides it expands into).
   */
  no: number
  /** Where the slide is written: absolute file, 1-based line. */
  file: string
  line: number
  title: string
  /** The title as the slide's text has it (markup dropped, no superscript characters). */
  titleText: string
  section?: string
  notesHtml: string
  sources: SourceLine[]
}

export interface HandoutContent {
  cover: HandoutCover
  rows: HandoutRow[]
  references: FormattedReference[]
  /** Slide number of the references section (it becomes the handout's reference list). */
  referencesNo?: number
  /** Slides of the deck as the bookmarks name them (plain titles, references as a section). */
  outlineSlides: TitledSlide[]
}

export class HandoutContentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HandoutContentError'
  }
}

export { plainTitle }

const md = new MarkdownIt({
  html: true,
  linkify: false,
  typographer: false,
  breaks: false,
})

/**
 * Who a paragraph of the speaker notes is for, by the convention of the notes (README, "Speaker
 * notes"): a paragraph that opens with `Presenter:` is a direction to the presenter, one that
 * opens with `Maintainer:`, `Correction:`, `Corrections:` or `Note on the source:` is a remark
 * for whoever maintains the deck. Every other paragraph is what a student reads.
 */
export const NOT_FOR_STUDENTS_RE = /^\s*(?:Presenter|Maintainer|Corrections?|Note on the source)\s*:/i

/**
 * The notes a student reads: paragraphs for the presenter or the maintainer left out, and
 * Slidev's `[click]` cues dropped (a reader has no clicks to follow; the narration stays).
 * The presenter view keeps the notes as written.
 */
export function studentNotes(note: string): string {
  return note.split(/\n[ \t]*\n/).filter(p => p.trim() && !NOT_FOR_STUDENTS_RE.test(p)).map(p => p.replace(/\[click(?::\d+)?\][ \t]*/g, '')).join('\n\n')
}

/**
 * Speaker notes as the handout prints them: the student's paragraphs (studentNotes), with
 * citations as the same numbered superscripts the slides show (lib/citations citationHtml).
 */
export function renderNotes(note: string, numbers: ReadonlyMap<string, number>): string {
  const student = studentNotes(note)
  if (!student.trim())
    return ''
  return md.render(replaceCitations(student, c => citationHtml(c, numbers).replace(/ v-pre/, ''))).trim()
}

/** "2026-11-22" -> "22 November 2026": no reader mistakes the day for the month. */
export function formatDate(value: unknown): string | undefined {
  if (value == null || value === '')
    return undefined
  const d = value instanceof Date
    ? value
    : /^\d{4}-\d{2}-\d{2}$/.test(String(value))
      ? new Date(`${value}T00:00:00Z`)
      : undefined
  if (!d || Number.isNaN(d.getTime()))
    return String(value)
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
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

/**
 * Site slide numbers of each deck slide. The references marker becomes as many slides as
 * the list needs (the same pagination the preparser uses), which shifts every later slide.
 * A site that does not have exactly that many slides was built from another deck.
 */
export function siteNumbers(deckSlides: readonly { source: { raw: string } }[], referencePages: number, siteSlideCount: number, siteDir = 'the site'): number[][] {
  const out: number[][] = []
  let next = 1
  for (const s of deckSlides) {
    const n = hasReferencesMarker(s.source.raw)
      ? referencePages
      : 1
    out.push(Array.from({ length: n }, (_, i) => next + i))
    next += n
  }
  const expected = next - 1
  if (expected !== siteSlideCount)
    throw new HandoutContentError(`${siteDir} has ${siteSlideCount} slides, but the deck makes ${expected}: the site was built from another version of slides.md. Rebuild it (npm run build) or pass the right --site.`)
  return out
}

/** Slides the built site must have for this deck: the references marker counts as its pages. */
export function expectedSiteSlides(cited: Pick<CitedDeckLike, 'slides' | 'references'>): number {
  const refPages = referencePageCount(cited.references)
  return cited.slides.reduce((n, s) => n + (hasReferencesMarker(s.source.raw)
    ? refPages
    : 1), 0)
}

export function buildHandoutContent(cited: CitedDeckLike, siteSlideCount: number, siteDir?: string): HandoutContent {
  const refPages = referencePageCount(cited.references)
  const site = siteNumbers(cited.slides, refPages, siteSlideCount, siteDir)
  const rows: HandoutRow[] = []
  const outlineSlides: TitledSlide[] = []
  let referencesNo: number | undefined
  let section: string | undefined
  cited.slides.forEach((s, i) => {
    const no = site[i]![0]!
    const layout = typeof s.frontmatter?.layout === 'string'
      ? s.frontmatter.layout
      : undefined
    const title = plainTitle(s.title ?? '')
    if (hasReferencesMarker(s.source.raw)) {
      referencesNo ??= no
      return
    }
    outlineSlides.push({ no, title, layout })
    if (layout === 'section')
      section = title
    const keys = cited.citations.occurrences.filter(o => o.slide === s.index + 1).map(o => o.key)
    rows.push({
      no,
      titleText: (s.title ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim(),
      file: s.source.filepath,
      line: s.source.start + 1,
      title: title || `Slide ${no}`,
      ...(section
        ? { section }
        : {}),
      notesHtml: renderNotes(s.note ?? '', cited.numbers),
      sources: slideSourceItems(keys, cited.numbers, cited.bibliography).map(x => ({
        n: x.n,
        text: x.text,
        ...(x.mark
          ? { mark: x.mark }
          : {}),
      })),
    })
  })
  // The reference list closes the handout wherever the deck puts its references slides; as
  // a part of its own, not a slide of the last section, and last, since bookmarks follow pages.
  if (referencesNo)
    outlineSlides.push({ no: referencesNo, title: 'References', layout: 'section' })
  return {
    cover: handoutCover(cited.headmatter, plainTitle(cited.slides[0]?.title ?? '') || undefined),
    rows,
    references: [...cited.references],
    ...(referencesNo
      ? { referencesNo }
      : {}),
    outlineSlides,
  }
}

/** The short sources of a row as one line of HTML. */
export function sourcesHtml(sources: readonly SourceLine[]): string {
  return sources.map(s => `<span class="src"><sup>${s.n}</sup>${escapeHtml(s.text)}${s.mark
    ? escapeHtml(s.mark)
    : ''}</span>`).join('; ')
}
