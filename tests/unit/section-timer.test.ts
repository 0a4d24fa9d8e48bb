import type { TimerState } from '../../lib/sectionTimer'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../lib/deck'
import { formatFinding } from '../../lib/finding'
import { BUDGET_SRC_KEY, budgetFindings, durationFindings, elapsedMs, emptyLedger, formatClock, parseBudget, parseSavedClock, RESUME_WITHIN_MS, resumeClock, sectionAt, sectionsKey, sectionsOf, settle, timed, timing, toggled } from '../../lib/sectionTimer'
import { entryFiles } from '../support/project'

const MIN = 60_000

describe('section budgets', () => {
  it('reads Slidev time strings and refuses a bare number or nonsense', () => {
    expect(parseBudget('6min')).toEqual({ ms: 6 * MIN })
    expect(parseBudget('90s')).toEqual({ ms: 90_000 })
    expect(parseBudget('4:30')).toEqual({ ms: 270_000 })
    expect(parseBudget(6)).toEqual({
      error: expect.stringContaining('has no unit'),
    })
    expect(parseBudget('six minutes')).toEqual({
      error: expect.stringContaining('is not a time'),
    })
    expect(parseBudget('+2m')).toEqual({
      error: expect.stringContaining('is not a time'),
    })
  })

  it('starts a section at each divider and where the budget changes; the title opens the first', () => {
    const s = sectionsOf([
      { no: 1, title: 'Title' },
      {
        no: 2,
        title: 'A',
        layout: 'section',
        budget: '5min',
      },
      { no: 3, title: 'A2', budget: '5min' },
      {
        no: 4,
        title: 'B',
        layout: 'section',
        budget: '5min',
      },
      { no: 5, title: 'Refs', budget: '1min' },
      { no: 6, title: 'Refs 2', budget: '1min' },
      { no: 7, title: 'Questions', budget: '3min' },
    ])
    expect(s).toEqual([
      {
        title: 'A',
        from: 1,
        to: 3,
        budgetMs: 5 * MIN,
      },
      {
        title: 'B',
        from: 4,
        to: 4,
        budgetMs: 5 * MIN,
      },
      {
        title: 'Refs',
        from: 5,
        to: 6,
        budgetMs: MIN,
      },
      {
        title: 'Questions',
        from: 7,
        to: 7,
        budgetMs: 3 * MIN,
      },
    ])
    expect(sectionAt(s, 6)).toBe(2)
    expect(sectionsOf([
      { no: 1 },
      { no: 2 },
    ])).toEqual([])
  })

  it('names a section in plain text, as the presenter\'s bar shows it', () => {
    const [s] = sectionsOf([
      { no: 1, title: 'The Mg<sup>2+</sup> switch &amp; <em>pain</em>', budget: '5min' },
    ])
    expect(s!.title).toBe('The Mg²⁺ switch & pain')
    const [refs] = sectionsOf([
      { no: 1, title: 'References (1/5)', budget: '1min' },
    ])
    expect(refs!.title).toBe('References')
  })

  it('the deck\'s own budgets are times, and its sections cover every slide in order', async () => {
    for (const entry of entryFiles) {
      const deck = await loadDeck(entry)
      expect(budgetFindings(deck.slides), entry).toEqual([])
      const sections = sectionsOf(timed(deck.slides))
      if (!sections.length)
        continue // a fork without budgets: the presenter view shows the total only
      // Every src: block with a budget is timed as a section of its own, even beside a block
      // of the same budget (short.md's "Summary" and "Questions", 2min each, were one).
      const blocks = new Set(deck.slides.map(s => s.budgetSrc).filter(Boolean))
      expect(sections.length, entry).toBeGreaterThanOrEqual(blocks.size)
      expect(sections[0]!.from, entry).toBe(1)
      expect(sections.at(-1)!.to, entry).toBe(deck.slides.length)
      sections.slice(1).forEach((s, i) => expect(s.from, `${entry}: ${s.title}`).toBe(sections[i]!.to + 1))
    }
  })

  it('tells apart two neighbouring src: blocks of the same budget, as the preparser names them to Slidev\'s client', () => {
    const slides = [
      {
        no: 1,
        title: 'Summary',
        layout: 'section',
        ...timing({ budget: '2min', [BUDGET_SRC_KEY]: './summary.md' }),
      },
      {
        no: 2,
        title: 'Take-home',
        ...timing({ budget: '2min' }, './summary.md'),
      },
      {
        no: 3,
        title: 'Questions',
        ...timing({ budget: '2min', [BUDGET_SRC_KEY]: './closing.md' }),
      },
    ]
    expect(sectionsOf(slides).map(s => [
      s.title,
      s.from,
      s.to,
      s.budgetMs / MIN,
    ])).toEqual([
      ['Summary', 1, 2, 2],
      ['Questions', 3, 3, 2],
    ])
    // Without the block, the budget alone: one section.
    expect(sectionsOf(slides.map(({ block: _, ...s }) => s))).toHaveLength(1)
  })

  it('asks for a headmatter duration equal to the budgets\' sum, at its line', () => {
    const slides = [
      {
        no: 1,
        title: 'A',
        layout: 'section',
        budget: '6min',
      },
      {
        no: 2,
        title: 'B',
        layout: 'section',
        budget: '90s',
      },
    ]
    expect(durationFindings('slides.md', { duration: '7:30' }, slides, 30)).toEqual([])
    expect(durationFindings('slides.md', { duration: '450s' }, slides, 30)).toEqual([])
    expect(durationFindings('slides.md', {}, slides, 2)).toEqual([
      {
        file: 'slides.md',
        line: 2,
        column: 1,
        message: expect.stringMatching(/^the section budgets add up to "7:30", but the headmatter has no duration: Slidev's presenter clock would turn red at its default, 30min\. Add duration: "7:30"/),
      },
    ])
    expect(formatFinding(durationFindings('slides.md', { duration: '30min' }, slides, 30)[0]!)).toMatch(/^slides\.md:30:1: duration: "30min", but the section budgets add up to "7:30": .* Write duration: "7:30", or change the budgets\.$/)
    // No budgets, no clock to agree with.
    expect(durationFindings('slides.md', {}, [
      { no: 1 },
    ], 2)).toEqual([])
  })

  it('names a bad budget once, on the src: block that sets it', () => {
    const importedAt = {
      file: 'slides.md',
      line: 44,
      frontmatter: { src: './slides/a.md', budget: 5 },
    }
    const f = budgetFindings([
      {
        file: 'slides/a.md',
        line: 1,
        frontmatter: { budget: 5 },
        importedAt,
      },
      {
        file: 'slides/a.md',
        line: 9,
        frontmatter: { budget: 5 },
        importedAt,
      },
      {
        file: 'slides/b.md',
        line: 1,
        frontmatter: { budget: 'soon' },
      },
    ])
    expect(f).toEqual([
      {
        file: 'slides.md',
        line: 44,
        column: 1,
        message: expect.stringMatching(/^budget 5 has no unit; write a time as Slidev does, e\.g\. budget: 6min/),
      },
      {
        file: 'slides/b.md',
        line: 1,
        column: 1,
        message: expect.stringContaining('budget "soon" is not a time'),
      },
    ])
  })
})

describe('the clock', () => {
  it('starts, pauses and resumes without losing the time run', () => {
    let t = { status: 'stopped' as const, startedAt: 0, pausedAt: 0 } as Parameters<typeof toggled>[0]
    t = toggled(t, 1000)
    expect(t.status).toBe('running')
    expect(elapsedMs(t, 61_000)).toBe(60_000)
    t = toggled(t, 61_000)
    expect(t.status).toBe('paused')
    expect(elapsedMs(t, 500_000)).toBe(60_000)
    t = toggled(t, 500_000)
    expect(elapsedMs(t, 510_000)).toBe(70_000)
  })

  it('books time to the section the presenter was in, and none while paused', () => {
    let l = settle(emptyLedger(), 0, 0, true)
    l = settle(l, 30_000, 0, true)
    l = settle(l, 90_000, 1, true) // moved to section 1 at 90 s: 60 s more in section 0
    l = settle(l, 100_000, 1, false) // paused
    l = settle(l, 500_000, 1, true) // resumed
    l = settle(l, 505_000, 1, true)
    expect(l.spentMs).toEqual([90_000, 15_000])
  })

  it('carries a reloaded presenter view on with the talk it was timing', () => {
    const running = { status: 'running' as const, startedAt: 1000, pausedAt: 0 }
    const stopped = { status: 'stopped' as const, startedAt: 0, pausedAt: 0 }
    const deckKey = sectionsKey([
      {
        title: 'A',
        from: 1,
        to: 4,
        budgetMs: MIN,
      },
      {
        title: 'B',
        from: 5,
        to: 9,
        budgetMs: MIN,
      },
    ])
    const ledger = settle(settle(emptyLedger(), 1000, 0, true), 91_000, 1, true)
    const at = 95_000
    const saved = parseSavedClock<TimerState>(JSON.stringify({
      timer: running,
      ledger,
      savedAt: at,
      sections: deckKey,
    }))
    expect(saved).toEqual({
      timer: running,
      ledger,
      savedAt: at,
      sections: deckKey,
    })
    // A built deck's page starts stopped: the saved talk goes on.
    expect(resumeClock(saved, stopped, at + 2000, deckKey)).toEqual({ timer: running, ledger })
    // The dev server kept the same talk's timer: its sections are the saved ones.
    expect(resumeClock(saved, { ...running }, at + 2000, deckKey)).toEqual({ timer: running, ledger })
    // Paused elsewhere while this view reloaded: the section's time stops where the talk paused.
    const paused = { ...running, status: 'paused' as const, pausedAt: 96_000 }
    expect(resumeClock(saved, paused, at + 60_000, deckKey).ledger).toEqual({
      spentMs: [90_000, 5000],
      section: 1,
      since: null,
    })
    // Another talk runs (started elsewhere since): its own sections, from nothing.
    const other = { ...running, startedAt: 500_000 }
    expect(resumeClock(saved, other, at + 2000, deckKey)).toEqual({
      timer: other,
      ledger: emptyLedger(),
    })
    // A tab restored long after (the talk of another day), or another deck at the same address.
    expect(resumeClock(saved, stopped, at + RESUME_WITHIN_MS + 1, deckKey)).toEqual({
      timer: stopped,
      ledger: emptyLedger(),
    })
    expect(resumeClock(saved, stopped, at + 2000, sectionsKey([
      {
        title: 'A',
        from: 1,
        to: 9,
        budgetMs: MIN,
      },
    ]))).toEqual({
      timer: stopped,
      ledger: emptyLedger(),
    })
    // Reset before the reload, or never saved: nothing to carry on.
    const reset = parseSavedClock<typeof stopped>(JSON.stringify({
      timer: stopped,
      ledger: emptyLedger(),
      savedAt: at,
      sections: deckKey,
    }))
    expect(resumeClock(reset, stopped, at + 2000, deckKey)).toEqual({
      timer: stopped,
      ledger: emptyLedger(),
    })
    expect(resumeClock(null, stopped, at, deckKey)).toEqual({
      timer: stopped,
      ledger: emptyLedger(),
    })
    // Sections never visited are holes in the ledger, saved as null: still a ledger.
    const holes = settle(settle(emptyLedger(), 0, 2, true), 5000, 2, true)
    expect(parseSavedClock(JSON.stringify({
      timer: running,
      ledger: holes,
      savedAt: at,
      sections: deckKey,
    }))?.ledger.spentMs).toEqual([null, null, 5000])
  })

  it('reads back nothing from a saved clock that is not one', () => {
    const good = {
      timer: { status: 'running', startedAt: 1, pausedAt: 0 },
      ledger: { spentMs: [], section: 0, since: null },
      savedAt: 1,
      sections: '1:A',
    }
    expect(parseSavedClock(JSON.stringify(good))).toEqual(good)
    for (const text of [
      null,
      '',
      'not json',
      '{}',
      JSON.stringify({
        ...good,
        timer: { ...good.timer, status: 'late' },
      }),
      JSON.stringify({
        ...good,
        timer: { ...good.timer, startedAt: '1' },
      }),
      JSON.stringify({
        ...good,
        ledger: {
          ...good.ledger,
          spentMs: ['x'],
        },
      }),
      JSON.stringify({
        ...good,
        ledger: { ...good.ledger, section: 1e9 },
      }),
      JSON.stringify({ ...good, savedAt: undefined }),
      JSON.stringify({ ...good, sections: 3 }),
    ])
      expect(parseSavedClock(text), String(text)).toBeNull()
  })

  it('formats clocks', () => {
    expect(formatClock(0)).toBe('0:00')
    expect(formatClock(65_400)).toBe('1:05')
    expect(formatClock(3_725_000)).toBe('1:02:05')
    expect(formatClock(-30_000)).toBe('-0:30')
  })
})
