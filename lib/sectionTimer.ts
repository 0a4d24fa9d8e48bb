import type { Finding, FrontmatterAt } from './finding'
import { parseTimeString } from '@slidev/parser/utils'
import { whereKeyIsSet } from './finding'
import { plainTitle } from './plainTitle'

/**
 * The presenter's clock, in sections. Each section of the talk may carry a time budget in
 * the deck's Markdown: `budget: 6min` (Slidev's own time syntax, as for its `duration`
 * key: `6min`, `90s`, `4:30`) on the `src:` block that imports the section in slides.md,
 * which Slidev hands to every slide of that import, or on the section's first slide. The
 * presenter view then shows the time spent in the current section against its budget.
 *
 * Slidev's shared timer (its `sharedState.timer`: status, startedAt, pausedAt) is the one
 * clock; these are pure functions over it, so the view and the keyboard shortcut agree.
 */

export interface TimerState {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

/** Milliseconds the talk has run at `now` (paused time not counted). */
export function elapsedMs(t: TimerState, now: number): number {
  if (t.status === 'stopped' || !t.startedAt)
    return 0
  return (t.status === 'paused'
    ? t.pausedAt
    : now) - t.startedAt
}

/** Start, pause or resume, as Slidev's own timer does: resuming keeps the time run so far. */
export function toggled<T extends TimerState>(t: T, now: number): T {
  if (t.status === 'running')
    return { ...t, status: 'paused', pausedAt: now }
  if (t.status === 'paused')
    return { ...t, status: 'running', startedAt: now - (t.pausedAt - t.startedAt) }
  return {
    ...t,
    status: 'running',
    startedAt: now,
    pausedAt: 0,
  }
}

export interface SlideLike {
  no: number
  title?: string
  layout?: string
  budget?: unknown
  /** The `src:` value of the outermost block with a budget that imported the slide, if any: see timing(). */
  block?: unknown
}

/**
 * The key under which the deck's preparser (setup/preparser.ts) hands a `src:` block's own
 * `src:` value to the slides it imports, with its budget: Slidev passes a block's keys to its
 * slides but not `src:` itself, and its client knows nothing else of where a slide came from.
 */
export const BUDGET_SRC_KEY = 'budgetSrc'

/**
 * A slide's budget and the block it came from, as sectionsOf() takes them: on the build's
 * side the reader's `budgetSrc` (lib/deck.ts), in Slidev's client the preparser's key. Both
 * name the outermost `src:` block with a budget, whose keys win when blocks nest.
 */
export function timing(frontmatter: Record<string, unknown>, budgetSrc?: string): Pick<SlideLike, 'budget' | 'block'> {
  return {
    budget: frontmatter.budget,
    block: budgetSrc ?? frontmatter[BUDGET_SRC_KEY],
  }
}

/** The build reader's slides (lib/deck.ts), each with its timing(), as sectionsOf() and the bookmarks take them. */
export function timed<T extends { frontmatter: Record<string, unknown>, budgetSrc?: string }>(slides: readonly T[]): (T & Pick<SlideLike, 'budget' | 'block'>)[] {
  return slides.map(s => ({
    ...s,
    ...timing(s.frontmatter, s.budgetSrc),
  }))
}

export interface Section {
  title: string
  /** First and last slide numbers, inclusive. */
  from: number
  to: number
  budgetMs: number
}

/** The budget in milliseconds, or a sentence saying what is wrong with the value. */
export function parseBudget(value: unknown): { ms: number } | { error: string } {
  const hint = 'write a time as Slidev does, e.g. budget: 6min, budget: 90s or budget: "4:30"'
  if (typeof value !== 'string' || !value.trim())
    return { error: `budget ${JSON.stringify(value)} has no unit; ${hint}` }
  try {
    const { seconds, relative } = parseTimeString(value.trim())
    if (relative || !Number.isFinite(seconds) || seconds <= 0)
      throw new TypeError('not a positive time')
    return {
      ms: Math.round(seconds * 1000),
    }
  }
  catch {
    return { error: `budget ${JSON.stringify(value)} is not a time; ${hint}` }
  }
}

/**
 * The talk's sections, in order. A section starts at a slide with a budget that is a
 * section divider (layout: section), or whose budget differs from the slide before, or comes
 * from another `src:` block (a block's budget reaches every slide it imports: two blocks of
 * 2min each, "Summary" then "Questions", were timed as one section of 2min).
 * Slides before the first budget belong to the first section (the title is its opening).
 * No budget anywhere: no sections.
 */
export function sectionsOf(slides: readonly SlideLike[]): Section[] {
  const out: Section[] = []
  let prev: unknown
  let prevBlock: unknown
  for (const s of slides) {
    const b = s.budget === undefined
      ? undefined
      : parseBudget(s.budget)
    const ms = b && 'ms' in b
      ? b.ms
      : undefined
    if (ms !== undefined && (s.layout === 'section' || prev !== s.budget || prevBlock !== s.block || !out.length)) {
      out.push({
        // Shown as text in the presenter's bar: a title written "Mg<sup>2+</sup>" reads "Mg²⁺",
        // and a section that opens on the first of a run of pages ("References (1/5)") is
        // named without the page count, which would stay "1/5" on every page of it.
        title: s.title
          ? plainTitle(s.title).replace(/\s*\(\d+\/\d+\)$/, '')
          : `Slide ${s.no}`,
        from: s.no,
        to: s.no,
        budgetMs: ms,
      })
    }
    else if (out.length) {
      out[out.length - 1]!.to = s.no
    }
    prev = ms === undefined
      ? undefined
      : s.budget
    prevBlock = s.block
  }
  if (out.length && slides.length)
    out[0]!.from = Math.min(out[0]!.from, slides[0]!.no)
  return out
}

/** Index of the section a slide is in (-1 with no sections). */
export function sectionAt(sections: Section[], no: number): number {
  return sections.findIndex(s => no >= s.from && no <= s.to)
}

/**
 * Time spent per section: a ledger the presenter view settles on every tick and every slide
 * change. While the timer runs, the time since the last settlement goes to the section the
 * presenter was in.
 */
export interface Ledger {
  spentMs: number[]
  section: number
  since: number | null
}

export function emptyLedger(): Ledger {
  return { spentMs: [], section: -1, since: null }
}

export function settle(l: Ledger, now: number, section: number, running: boolean): Ledger {
  const spentMs = [...l.spentMs]
  if (l.since !== null && l.section >= 0)
    spentMs[l.section] = (spentMs[l.section] ?? 0) + Math.max(0, now - l.since)
  return {
    spentMs,
    section,
    since: running ? now : null,
  }
}

/**
 * What the presenter view keeps through a reload of its tab: the talk's timer and its ledger.
 * A built deck's shared state lives only in its open windows (Slidev sends it to the others as
 * it changes and keeps no copy), so a presenter reloaded mid-talk came back with the clock
 * stopped and every section at 0:00; under `npm run dev` the server kept the talk's timer
 * but the sections started again. `savedAt` and `sections` tell a reload mid-talk from a tab
 * restored the next day, or from another deck served at the same address (short.md).
 */
export interface SavedClock<T extends TimerState = TimerState> {
  timer: T
  ledger: Ledger
  savedAt: number
  sections: string
}

/** A saved clock older than this is a talk given before: a reload takes seconds. */
export const RESUME_WITHIN_MS = 15 * 60_000

/** Which deck's sections a ledger counts: their first slides and titles. */
export function sectionsKey(sections: readonly Section[]): string {
  return sections.map(s => `${s.from}:${s.title}`).join('|')
}

const STATUSES = new Set(['stopped', 'running', 'paused'])
const MAX_SECTIONS = 1000

/** A saved clock read back, or null for nothing saved or anything not one. */
export function parseSavedClock<T extends TimerState>(text: string | null): SavedClock<T> | null {
  if (!text)
    return null
  try {
    const v = JSON.parse(text) as SavedClock<T>
    const ok = STATUSES.has(v?.timer?.status)
      && Number.isFinite(v.timer.startedAt)
      && Number.isFinite(v.timer.pausedAt)
      && Number.isFinite(v.savedAt)
      && typeof v.sections === 'string'
      && Array.isArray(v.ledger?.spentMs)
      && v.ledger.spentMs.length <= MAX_SECTIONS
      && v.ledger.spentMs.every(ms => ms === null || Number.isFinite(ms))
      && Number.isInteger(v.ledger.section)
      && v.ledger.section >= -1
      && v.ledger.section < MAX_SECTIONS
      && (v.ledger.since === null || Number.isFinite(v.ledger.since))
    return ok
      ? v
      : null
  }
  catch {
    return null
  }
}

/**
 * The clock a reloaded presenter view carries on with. A timer that still runs elsewhere (the
 * dev server, or the projector's window once it sends) is the talk's: its sections are the
 * saved ones if it is the same talk (same start) of the same deck, settled where it paused.
 * A stopped one is what a built deck's page starts with: the saved talk goes on, in the state
 * it was left in. A talk reset before the reload was saved stopped, and starts again; so do
 * a clock saved long ago and another deck's.
 */
export function resumeClock<T extends TimerState>(saved: SavedClock<T> | null, timer: T, now: number, sections: string): { timer: T, ledger: Ledger } {
  const fresh = {
    timer,
    ledger: emptyLedger(),
  }
  if (!saved || saved.timer.status === 'stopped' || now - saved.savedAt > RESUME_WITHIN_MS || saved.sections !== sections)
    return fresh
  if (timer.status === 'stopped')
    return { timer: saved.timer, ledger: saved.ledger }
  if (timer.startedAt !== saved.timer.startedAt)
    return fresh
  return {
    timer,
    ledger: timer.status === 'paused'
      ? settle(saved.ledger, timer.pausedAt, saved.ledger.section, false)
      : saved.ledger,
  }
}

/** `m:ss`, or `h:mm:ss` from an hour; negative times as `-m:ss`. */
export function formatClock(ms: number): string {
  const sign = ms < 0
    ? '-'
    : ''
  const total = Math.floor(Math.abs(ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor(total / 60) % 60
  const s = String(total % 60).padStart(2, '0')
  return h
    ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}`
    : `${sign}${m}:${s}`
}

/**
 * Every `budget:` that is not a time, once each, where it is written: on the `src:` block in
 * slides.md (Slidev copies it to each imported slide) or in the slide's own frontmatter.
 */
export function budgetFindings(slides: readonly FrontmatterAt[]): Finding[] {
  const seen = new Set<string>()
  const out: Finding[] = []
  for (const s of slides) {
    if (s.frontmatter.budget === undefined)
      continue
    const at = whereKeyIsSet(s, 'budget')
    const where = `${at.file}:${at.line}`
    const b = parseBudget(s.frontmatter.budget)
    if ('error' in b && !seen.has(where)) {
      seen.add(where)
      out.push({
        file: at.file,
        line: at.line,
        column: 1,
        message: b.error,
      })
    }
  }
  return out
}

/** A time as the headmatter would take it: `45min`, or `"4:30"` with seconds. */
function asDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  return s % 60
    ? `"${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}"`
    : `${s / 60}min`
}

/**
 * Slidev's own presenter clock, and the bar along the top of the presenter view, measure the
 * talk against the headmatter's `duration` (30min when none is given): the clock turns yellow
 * at 80 % of it and red past it. With section budgets adding up to 45 minutes it turned red
 * with a third of the talk to go, beside a section clock in time. So `duration` must be the
 * budgets' sum; `line` is the headmatter's `duration:` line, or its first line.
 */
export function durationFindings(entry: string, headmatter: Record<string, unknown>, slides: readonly SlideLike[], line: number): Finding[] {
  const sections = sectionsOf(slides)
  // A budget that is not a time is reported on its own (budgetFindings): the sum waits for it.
  if (!sections.length || slides.some(s => s.budget !== undefined && 'error' in parseBudget(s.budget)))
    return []
  const total = sections.reduce((a, s) => a + s.budgetMs, 0)
  const want = asDuration(total)
  const given = headmatter.duration
  if (given === undefined) {
    return [
      {
        file: entry,
        line,
        column: 1,
        message: `the section budgets add up to ${want}, but the headmatter has no duration: Slidev's presenter clock would turn red at its default, 30min. Add duration: ${want} to the headmatter.`,
      },
    ]
  }
  const parsed = parseBudget(typeof given === 'number'
    ? `${given}`
    : given)
  if ('ms' in parsed && Math.abs(parsed.ms - total) < 1000)
    return []
  return [
    {
      file: entry,
      line,
      column: 1,
      message: `duration: ${JSON.stringify(given)}, but the section budgets add up to ${want}: Slidev's presenter clock (red past the duration) and the section clock would disagree. Write duration: ${want}, or change the budgets.`,
    },
  ]
}
