import { describe, expect, it } from 'vitest'
import { printFindings, whereUnbalanced } from '../../addons/citations/lib'
import { checkRefs, checkRefsTerminal } from '../support/checkRefs'

describe('check-refs on fixture decks', () => {
  it('passes a correct deck with warnings only: uncited entry, not verified online', async () => {
    const r = await checkRefs(['--deck', 'tests/fixtures/refs-ok/slides.md'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('tests/fixtures/refs-ok/refs.bib:60:1: warning: entry \'mayer1984\' is not cited anywhere in the deck')
    expect(r.stdout).toContain('tests/fixtures/refs-ok/refs.bib:3:1: warning: \'petrenko2003\': doi:10.1213/01.ane.0000081061.12235.55, pmid:14500166 not verified online yet')
    expect(r.stdout).toMatch(/5 citations of 4 keys on 2 slides; 5 entries .* 0 errors, 6 warnings/)
  }, 30_000)

  it('reports every kind of error as file:line:col with the key and nearest keys, and exits 1', async () => {
    const r = await checkRefs(['--deck', 'tests/fixtures/refs-errors/slides.md'])
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toEqual([
      'tests/fixtures/refs-errors/slides.md:8:20: error: citation key \'petrenko2030\' (slide 1) is not in tests/fixtures/refs-errors/refs.bib. Nearest keys: petrenko2003. Fix the key or add the entry.',
      'tests/fixtures/refs-errors/slides.md:11:25: error: citation key \'wolf2011\' (slide 1, notes) is not in tests/fixtures/refs-errors/refs.bib. Nearest keys: woolf2011. Fix the key or add the entry.',
      expect.stringMatching(/^tests\/fixtures\/refs-errors\/slides\.md:18:34: error: '\[@petrenko2003 and woolf2011\]\.' looks like a citation but does not parse/),
      'tests/fixtures/refs-errors/refs.bib:34:1: error: duplicate key \'petrenko2003\': already defined at tests/fixtures/refs-errors/refs.bib:4:1. Remove one entry or give it another key.',
      expect.stringMatching(/^tests\/fixtures\/refs-errors\/refs\.bib:41:1: error: entry 'baddoi' has a malformed DOI 'doi\.org\/j\.pain\.2010\.09\.030'/),
      expect.stringMatching(/^tests\/fixtures\/refs-errors\/refs\.bib:48:1: error: entry 'badpmid' has a malformed PMID 'PMC3268359'/),
      expect.stringMatching(/^tests\/fixtures\/refs-errors\/refs\.bib:55:1: error: entry 'noid' has no DOI, PMID, ISBN or URL/),
      // The same article pasted in again under a reference manager's key (its DOI as a link, in capitals).
      'tests/fixtures/refs-errors/refs.bib:62:1: error: entry \'woolf_central_2011\' is the same source as \'woolf2011\' (tests/fixtures/refs-errors/refs.bib:19:1), with the same DOI: the references would list it twice. Cite [@woolf2011] and remove this entry.',
    ])
  }, 30_000)

  it('prints the errors after the warnings, where a terminal still shows them', () => {
    // One stream, as a terminal shows both: the warnings must not push the errors out of view.
    const out = checkRefsTerminal(['--deck', 'tests/fixtures/refs-errors/slides.md'])
    const lines = out.trim().split('\n')
    const lastWarning = lines.findLastIndex(l => l.includes(': warning: '))
    const firstError = lines.findIndex(l => l.includes(': error: '))
    expect(lastWarning, out).toBeGreaterThanOrEqual(0)
    expect(firstError, out).toBeGreaterThan(lastWarning)
  }, 30_000)

  it('reports a BibTeX syntax error at the entry that breaks, and the key it hides', async () => {
    const r = await checkRefs(['--deck', 'tests/fixtures/refs-syntax/slides.md'])
    expect(r.code).toBe(1)
    const errors = r.stderr.trim().split('\n')
    // The syntax error first, then one line for the key it hides, however often it is cited
    // (a lecturer got forty, the syntax error last).
    expect(errors[0]).toMatch(/^tests\/fixtures\/refs-syntax\/refs\.bib:18:1: error: BibTeX syntax error: the braces of entry @article\{woolf2011, \.\.\.\} do not balance/)
    // Which brace: the field left open, and where (a lecturer was told only "close every {").
    expect(errors[0]).toContain('its \'title\' field (line 20) opens a { that is not closed before \'journal\': close it with a }')
    expect(errors.filter(l => l.includes('woolf2011') && !l.startsWith('tests/fixtures/refs-syntax/refs.bib'))).toEqual([
      'tests/fixtures/refs-syntax/slides.md:11:26: error: citation key \'woolf2011\' (slide 1, notes) and 1 more citation of it: its entry at tests/fixtures/refs-syntax/refs.bib:18:1 could not be read. Fix the BibTeX syntax error there; the key is right.',
    ])
    // The other entries still parse and are still checked.
    expect(r.stdout).toContain('entry \'mayer1984\' is not cited')
  }, 30_000)

  it('prints findings as JSON with --json', async () => {
    const r = await checkRefs(['--json', '--deck', 'tests/fixtures/refs-errors/slides.md'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.cited).toEqual([
      'petrenko2030',
      'wolf2011',
      'baddoi',
      'badpmid',
      'noid',
    ])
    const codes = out.findings.filter((f: any) => f.severity === 'error').map((f: any) => f.code)
    expect(codes).toEqual([
      'missing-key',
      'missing-key',
      'malformed-citation',
      'duplicate-key',
      'malformed-doi',
      'malformed-pmid',
      'no-identifier',
      'duplicate-source',
    ])
    expect(out.findings[0]).toMatchObject({
      file: 'tests/fixtures/refs-errors/slides.md',
      line: 8,
      col: 20,
      key: 'petrenko2030',
      suggestions: ['petrenko2003'],
    })
    expect(out.summary).toMatchObject({ errors: 8, citedKeys: 5 })
  }, 30_000)

  it('says plainly when the deck does not exist', async () => {
    const r = await checkRefs(['--deck', 'tests/fixtures/no-such-deck.md'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no such deck')
  }, 30_000)
})

// An entry's braces, read as a lecturer fixes them: the message names the field, or the line.
describe('where an entry\'s braces go wrong', () => {
  const entry = (...fields: string[]) => ['@article{doe2024,', ...fields].join('\n')
  it('balanced: nothing to say', () => {
    expect(whereUnbalanced(entry('  title = {A {B} c},', '  year = {2024}', '}', ''), 10)).toBeNull()
  })
  it('a field not closed before the next one, or at all', () => {
    expect(whereUnbalanced(entry('  title = {A study,', '  journal = {J},', '}'), 10)).toBe('its \'title\' field (line 11) opens a { that is not closed before \'journal\': close it with a }')
    expect(whereUnbalanced(entry('  journal = {J},', '  title = {A study', '}'), 10)).toBe('its \'title\' field (line 12) opens a { that is not closed on its line, so the entry\'s last } closes it instead: close the field with a }')
    expect(whereUnbalanced(entry('  journal = {J},', '  title = {A study', ''), 10)).toBe('its \'title\' field (line 12) opens a { that is never closed: close it with a }')
  })
  it('the entry\'s own closing brace, or a brace too many', () => {
    expect(whereUnbalanced(entry('  title = {A},', '  year = {2024}', ''), 10)).toBe('the entry has no closing }: end it with a } on a line of its own')
    expect(whereUnbalanced(entry('  title = {A}},', '  year = {2024}', '}'), 10)).toBe('line 11 has a } too many, which ends the entry there: remove it')
  })
})

describe('the build\'s brief list of reference warnings', () => {
  const at = (key: string, code: string, message: string) => ({
    severity: 'warning' as const,
    code,
    file: 'refs.bib',
    line: 1,
    col: 1,
    key,
    message,
  })
  const uncited = (n: number) => Array.from({ length: n }, (_, i) => at(`key${i}`, 'uncited', `entry 'key${i}' is not cited anywhere in the deck; it will not appear in the references.`))

  it('folds the entries a shortened talk no longer cites into one line, and keeps a few as they are', () => {
    const many = printFindings([
      ...uncited(74),
      at('x', 'unverified-audit', 'entry \'x\' is cited but its audit is \'unverified\''),
    ], '/', { brief: true, bibFile: 'refs.bib' })
    expect(many.stdout).toEqual([
      'refs.bib:1:1: warning: entry \'x\' is cited but its audit is \'unverified\'',
      'refs.bib: warning: 74 entries are not cited anywhere in the deck (key0, key1, key2, ...) and are left out of the references; `npm run check:refs` lists them. Delete those you no longer need.',
    ])
    expect(printFindings(uncited(3), '/', { brief: true }).stdout).toHaveLength(3)
    // So are a dozen cited entries that are not verified: the slides mark them.
    const doubtful = Array.from({ length: 12 }, (_, i) => at(`d${i}`, 'cited-unverified', `entry 'd${i}' is cited but its audit is 'likely-real'`))
    expect(printFindings(doubtful, '/', { brief: true, bibFile: 'refs.bib' }).stdout).toEqual([
      'refs.bib: warning: 12 cited entries are not verified (d0, d1, d2, ...): the slides and references mark them †; `npm run check:refs` lists each with its audit.',
    ])
    // npm run check:refs itself lists every one.
    expect(printFindings(uncited(74), '/').stdout).toHaveLength(74)
  })
})
