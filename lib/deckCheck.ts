/**
 * What stops a build before it starts, apart from the citations (their addon checks them):
 * the headmatter, each slide's frontmatter, the components the slides name, the section
 * time budgets. The build (scripts/_check.ts) stops on these; `npm run dev` prints them.
 */
import type { Deck } from './deck'
import type { Finding } from './finding'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parseSync } from '@slidev/parser'
import { isReferencesSlide } from '../addons/citations/lib'
import { addonRoots, checkComponents, checkFigureAlts, checkFigureNames, figureNames, knownComponents } from './componentCheck'
import { formatFinding, yamlMessage } from './finding'
import { frontmatterFindings, keyLine, knownLayouts, layoutDirs } from './frontmatterCheck'
import { hasSourceLecture } from './handout/content'
import { PICTURE_KEY, pictureFindings } from './handout/picture'
import { uncitedNumbers } from './numbersCited'
import { budgetFindings, durationFindings, timed } from './sectionTimer'
import { missingSourceSlide, parseOutline } from './sourceOutline'
import { checkHeadmatter, headmatterLines, MAIN_DECK, siblingReminders, TALK_KEYS, templateReminders, urlReminder } from './talkConfig'

export function deckFindings(deck: Omit<Deck, 'cited'>): Finding[] {
  const yaml = deck.slides.flatMap(s => s.frontmatterErrors.map(e => ({ file: s.file, ...e, message: `broken frontmatter: ${e.message}. ${yamlHint(e.message)}` })))
  // A headmatter that does not parse loses every key after the error (the addons among them),
  // and the other checks would report what follows from that: the YAML first, alone.
  const entry = relative(deck.root, deck.entry)
  const lines = fileLines(deck.root)
  if (yaml.some(f => f.file === entry && f.line < (deck.slides[0]?.contentLine ?? 0)))
    return yaml
  const addons = addonRoots(deck.root, deck.headmatter)
  return [
    ...checkHeadmatter(entry, lines(entry).join('\n'), deck.headmatter, p => existsSync(resolve(deck.root, p))),
    ...yaml,
    ...checkComponents(deck.slides, knownComponents(deck.root, addons.map(r => join(r, 'components')))),
    ...checkFigureNames(deck.slides, figureNames(join(deck.root, 'figures'))),
    ...checkFigureAlts(deck.slides),
    ...frontmatterFindings(deck.slides, knownLayouts(layoutDirs(deck.root, deck.headmatter, addons)), lines),
    // Pointed at the key's own line, not the `---` that opens its frontmatter.
    ...budgetFindings(deck.slides).map(f => ({
      ...f,
      line: keyLine(lines(f.file), f.line, 'budget'),
    })),
    ...pictureFindings(deck.slides).map(f => ({
      ...f,
      line: keyLine(lines(f.file), f.line, PICTURE_KEY),
    })),
  ]
}

/** A file's lines, each file read once. */
function fileLines(root: string): (file: string) => string[] {
  const read = new Map<string, string[]>()
  return (file) => {
    if (!read.has(file)) {
      read.set(file, existsSync(resolve(root, file))
        ? readFileSync(resolve(root, file), 'utf8').split(/\r?\n/)
        : [])
    }
    return read.get(file)!
  }
}

/** A slide's take-away: the QR codes' component, or a link to either PDF (HTML or Markdown). */
const OFFERS_DOWNLOADS = /<TakeAway\b|(?:href=["']|\]\()(?:\.\/)?(?:slides|handout)\.pdf\b/

/**
 * What to change before presenting, printed, never stopping a build: what the deck still has
 * of the template, a take-away offered with no address to take it by, and a talk length
 * (`duration`) that is not the sections' budgets added up, as after a lecturer cuts a section.
 */
export function deckReminders(deck: Pick<Deck, 'root' | 'entry' | 'headmatter' | 'slides'>): Finding[] {
  const entry = relative(deck.root, deck.entry)
  const text = readFileSync(deck.entry, 'utf8')
  // The closing slide's take-away: its QR codes (<TakeAway>) or its links to the two PDFs.
  const offersDownloads = deck.slides.some(s => OFFERS_DOWNLOADS.test(s.content))
  // Lines of the headmatter's keys (a later slide may have keys of the same name); else its first key's.
  const head = headmatterLines(text)
  const siblings = siblingDecks(deck.root, entry)
  return [
    ...templateReminders(entry, text, deck.headmatter),
    ...urlReminder(entry, text, deck.headmatter, offersDownloads),
    ...siblings.flatMap(sibling => [
      ...siblingReminders(entry, deck.headmatter, sibling),
      // Only a version of the same talk: one that imports the same section files.
      ...(importsAny(sibling.markdown, deck.root, deck.slides.map(s => s.file))
        ? settingsDrift(entry, deck.headmatter, sibling)
        : []),
    ]),
    ...durationFindings(entry, deck.headmatter, timed(deck.slides), head.get('duration') ?? 2),
    ...outlineReminder(deck, entry, head.get('sourceOutline') ?? 2),
    ...slideReminders(deck.slides),
  ]
}

/** Notes shorter than this are a placeholder, not what the lecturer will say. */
const MIN_NOTES_CHARS = 21

/** Whether a slide's speaker notes say something (the presenter view shows them, the handout prints them). */
export function hasSpokenNotes(note: string | undefined): boolean {
  return (note ?? '').trim().length >= MIN_NOTES_CHARS
}

/**
 * What `npm test` fails on in a slide a lecturer adds: speaker notes, and a source for every
 * number where it stands (lib/numbersCited.ts). A fork's new slide met both only in a test run
 * ten minutes long; the build and `npm run dev` name the line at once.
 */
export function slideReminders(slides: Deck['slides']): Finding[] {
  // The references slides' entries are the sources, not claims.
  return slides.filter(s => !isReferencesSlide(s)).flatMap(s => [
    ...hasSpokenNotes(s.note)
      ? []
      : [
          {
            file: s.file,
            line: s.line,
            column: 1,
            message: `slide ${s.no} "${s.title}" has no speaker notes: write what you will say in a <!-- comment --> at the end of the slide (the presenter view shows it, the handout prints it beside the slide).`,
          },
        ],
    ...uncitedNumbers(s.content).map(u => ({
      file: s.file,
      line: s.contentLine + u.line - 1,
      column: 1,
      message: `slide ${s.no} shows a number without its source ("${u.text}"): cite it on that line ([@key]), on the line that introduces its list, or in the slide's source line.`,
    })),
  ])
}

/**
 * A deck that says it reproduces a source lecture (`sourceOutline:`) but has lost one of its
 * slides: a fork that cut a section, and would learn it only when `npm test` fails minutes later.
 * Named at the key, with the two ways out; so is an outline that cannot be read (a missing file
 * is the build's error, checkHeadmatter).
 */
function outlineReminder(deck: Pick<Deck, 'root' | 'headmatter' | 'slides'>, entry: string, line: number): Finding[] {
  if (!hasSourceLecture(deck.headmatter))
    return []
  const file = String(deck.headmatter.sourceOutline)
  const at = { file: entry, line, column: 1 }
  let outline
  try {
    outline = parseOutline(readFileSync(resolve(deck.root, file), 'utf8'))
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return []
    return [
      { ...at, message: `'sourceOutline': ${file} cannot be read as the source lecture's outline: ${yamlMessage((error as Error).message)}. Fix it, or delete the sourceOutline lines if this is your own talk (README: Make it your talk).` },
    ]
  }
  const missing = missingSourceSlide(deck.slides, outline)
  if (!missing)
    return []
  return [
    { ...at, message: `'sourceOutline': the source lecture's slide "${missing.title}" is missing after the deck's slide ${missing.after?.no ?? 1} (or out of order), so \`npm test\` will fail on it. Put the slide back; or, if this is your own talk now, delete the sourceOutline lines (README: Make it your talk).` },
  ]
}

/** Keys a second deck has of its own: the talk's identity and its length (not the bibliography its sections cite). */
const OWN_KEYS = new Set<string>([
  ...TALK_KEYS.filter(k => k !== 'bibliography'),
  'duration',
  'info',
  'exportFilename',
  'seoMeta',
  'htmlAttrs',
])

/**
 * A deck setting (theme, scheme, fonts, canvas, offline cache...) that differs in another deck of
 * the project: short.md is the same talk, shorter, and once had no offline cache and a light-only
 * scheme where slides.md had both. Named in the other deck's file, at its line.
 */
export function settingsDrift(entry: string, headmatter: Record<string, unknown>, sibling: { file: string, markdown: string, headmatter: Record<string, unknown> }): Finding[] {
  const lines = headmatterLines(sibling.markdown)
  const shown = (v: unknown) => {
    const text = JSON.stringify(v)
    if (text === undefined)
      return 'not set'
    return text.length > 40
      ? `${text.slice(0, 37)}...`
      : text
  }
  return [
    ...new Set([
      ...Object.keys(headmatter),
      ...Object.keys(sibling.headmatter),
    ]),
  ]
    .filter(key => !OWN_KEYS.has(key) && !isDeepStrictEqual(headmatter[key], sibling.headmatter[key]))
    .map(key => ({
      file: sibling.file,
      line: lines.get(key) ?? 1,
      column: 1,
      message: `'${key}' is ${shown(sibling.headmatter[key])} here and ${shown(headmatter[key])} in ${entry}: ${sibling.file} is the same talk, so it would look or work otherwise. Give both the same setting${sibling.file === MAIN_DECK
        ? ''
        : `, or delete ${sibling.file} if you do not give that talk`} (README: Make it your talk).`,
    }))
}

/** Whether a deck's Markdown imports (`src:`) any of `files` (relative to `root`). */
function importsAny(markdown: string, root: string, files: readonly string[]): boolean {
  const ours = new Set(files.map(f => resolve(root, f)))
  return [
    ...markdown.matchAll(/^src:[ \t]*([^#\s]+)/gm),
  ].some(m => ours.has(resolve(root, m[1]!)))
}

/**
 * The project's other decks: its top-level Markdown files other than the README that open with
 * a headmatter (short.md), read by Slidev's own parser as Slidev would read them. One that does
 * not parse is left to its own build to report.
 */
function siblingDecks(root: string, entry: string): { file: string, markdown: string, headmatter: Record<string, unknown> }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter(d => d.isFile() && d.name.endsWith('.md') && d.name !== entry && d.name.toLowerCase() !== 'readme.md')
    .flatMap(({ name: file }) => {
      const markdown = readFileSync(join(root, file), 'utf8')
      try {
        const headmatter = parseSync(markdown, join(root, file)).slides[0]?.frontmatter
        return headmatter && Object.keys(headmatter).length
          ? [
              { file, markdown, headmatter },
            ]
          : []
      }
      catch {
        return []
      }
    })
}

/** How the build and `npm run dev` print the reminders: a heading, then one finding a line. */
export function remindersText(reminders: Finding[]): string {
  return reminders.length
    ? `Before you present:\n${reminders.map(r => `  ${formatFinding(r)}`).join('\n')}`
    : ''
}

/**
 * The headmatter's YAML error, when it stopped the whole deck from being read: in the dev
 * server's process Slidev has its preparser set up, and Slidev's reader then parses the
 * headmatter strictly and throws, where the build's reader records the error on the slide.
 * The same finding as the build's, at the same line: the headmatter starts on line 2.
 */
export function headmatterError(entry: string, error: unknown): Finding | undefined {
  const e = error as { name?: string, message?: string, linePos?: { line: number, col: number }[] }
  if (e?.name !== 'YAMLParseError' || !e.message)
    return undefined
  const message = yamlMessage(e.message)
  return {
    file: entry,
    line: 1 + (e.linePos?.[0]?.line ?? 1),
    column: e.linePos?.[0]?.col ?? 1,
    message: `broken frontmatter: ${message}. ${yamlHint(message)}`,
  }
}

/**
 * The YAML parser's words for the commonest slip, a value with ": " in it (`title: Pain: a
 * review`), say "nested mappings", which a lecturer would not connect with the colon.
 */
function yamlHint(message: string): string {
  return /nested mappings|compact mappings/i.test(message)
    ? 'A value with ": " in it needs quotes, e.g. title: "Pain: a review".'
    : 'Fix the YAML between this slide\'s --- lines.'
}
