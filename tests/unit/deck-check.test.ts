import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadDeck } from '../../lib/deck'
import { deckReminders, headmatterError } from '../../lib/deckCheck'
import { formatFinding } from '../../lib/finding'
import { formatClock, sectionsOf, timed } from '../../lib/sectionTimer'
import { copyProject, projectRoot } from '../support/project'

/** Runs `fn` in a fresh folder, removed however the test ends. */
async function inScratch(prefix: string, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  try {
    await fn(dir)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What the build and `npm run dev` would remind of for the deck at `entry`, about `what`. */
async function remindersAbout(entry: string, what: RegExp = /./) {
  return deckReminders(await loadDeck(entry)).filter(r => what.test(r.message))
}

// In the dev server's process Slidev's reader throws on a headmatter it cannot parse; the
// terminal must then say what the build says, at the same line (issue: `title: a: b` was
// reported by `npm run build` and by nothing in `npm run dev`).
describe('headmatterError', () => {
  const thrown = (yaml: string) => {
    try {
      parse(yaml)
    }
    catch (error) {
      return error
    }
    throw new Error('the YAML parsed')
  }

  it('names the line and column in the file, counting the opening --- line, with the build\'s hint', () => {
    const error = thrown('# Talk identity\n# a comment\ntitle: Glutamate gates: chronic pain\n')
    const f = headmatterError('slides.md', error)
    expect(f && formatFinding(f)).toMatch(/^slides\.md:4:8: broken frontmatter: Nested mappings are not allowed in compact mappings\. A value with ": " in it needs quotes, e\.g\. title: "Pain: a review"\.$/)
  })

  it('leaves any other error to be reported as it is', () => {
    expect(headmatterError('slides.md', new Error('ENOENT: no such file'))).toBeUndefined()
  })
})

// Slidev's presenter clock turns red past the headmatter's `duration`: a lecturer who cuts a
// section is reminded that the talk is now shorter, with the new length to write.
describe('deckReminders', () => {
  // A copy of the project and four reads of its deck: seconds on a loaded machine.
  it('names the duration to write when a section is cut, and nothing about it before', async (ctx) => {
    const dir = copyProject()
    try {
      const entry = join(dir, 'slides.md')
      const durationOf = (reminders: ReturnType<typeof deckReminders>) => reminders.filter(r => /duration/.test(r.message))
      const total = async () => sectionsOf(timed((await loadDeck(entry)).slides)).reduce((a, s) => a + s.budgetMs, 0)
      // A deck whose duration is its budgets' sum (as this one ships; a fork may have let it drift).
      if (!await total())
        ctx.skip() // a fork without budgets: no section clock to agree with
      const given = readFileSync(entry, 'utf8')
      const whole = formatClock(await total())
      const line = `duration: "${whole}"`
      writeFileSync(entry, /^duration: .*$/m.test(given)
        ? given.replace(/^duration: .*$/m, line)
        : given.replace(/^---\n/, `---\n${line}\n`))
      expect(durationOf(deckReminders(await loadDeck(entry)))).toEqual([])
      const md = readFileSync(entry, 'utf8')
      const block = /^---\nsrc: [^\n]+\nbudget: [^\n]+\n---\n/m.exec(md)
      expect(block, 'slides.md imports its sections through src: blocks with budgets').toBeTruthy()
      writeFileSync(entry, md.replace(block![0], ''))
      const left = await total()
      const [reminder] = durationOf(deckReminders(await loadDeck(entry)))
      const at = md.split('\n').findIndex(l => l.startsWith('duration:')) + 1
      const sum = left % 60_000
        ? `"${formatClock(left)}"`
        : `${left / 60_000}min`
      expect(formatFinding(reminder!)).toContain(`slides.md:${at}:1: duration: "${whole}", but the section budgets add up to ${sum}:`)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

// The closing slide offers the slides and the handout; with no `url:` the hall saw the offer and
// no address or code to take them by.
describe('deckReminders: the take-away', () => {
  it('reminds of the url where a slide offers the PDFs, and only there', async () => {
    await inScratch('take-away-', async (dir) => {
      const entry = join(dir, 'slides.md')
      const urlOf = async () => (await remindersAbout(entry, /'url'/)).map(r => `${r.line}`)
      const head = '---\ntitle: T\n# url: https://you.github.io/your-repository/\n---\n\n# T\n\n<!--\nNotes.\n-->\n\n---\n\n'
      for (const offer of [
        '<TakeAway handout />',
        '<a href="handout.pdf">the handout</a>',
        '[the slides](./slides.pdf)',
        '<a href=\'slides.pdf\'>slides</a>',
      ]) {
        writeFileSync(entry, `${head}# Questions\n\n${offer}\n`)
        expect(await urlOf(), offer).toEqual(['3'])
      }
      writeFileSync(entry, `${head}# Questions\n\nThank you\n`)
      expect(await urlOf(), 'no offer').toEqual([])
      writeFileSync(entry, `${head.replace('# url:', 'url:')}# Questions\n\n<TakeAway handout />\n`)
      expect(await urlOf(), 'with a url').toEqual([])
    })
  })
})

// A fork's new slide without notes, or with an uncited number, was named only by `npm test`
// (ten minutes), at the slide's first line. The build and `npm run dev` name the line.
describe('deckReminders: a slide a lecturer adds', () => {
  it('names a slide without speaker notes, and a number without its source at its own line, in an imported file too', async () => {
    await inScratch('new-slide-', async (dir) => {
      const entry = join(dir, 'slides.md')
      mkdirSync(join(dir, 'slides'))
      writeFileSync(entry, '---\ntitle: T\n---\n\n# T\n\n<!--\nWhat I say when the talk opens.\n-->\n\n---\nsrc: ./slides/new.md\n---\n')
      const section = [
        '---',
        'kicker: Dosing',
        '---',
        '',
        '# Ketamine around surgery',
        '',
        '- Recommended as an adjunct [@schwenk2018]',
        '- Bolus up to 0.35 mg/kg',
        '',
        '---',
        '',
        '# Memantine',
        '',
        '- 30 mg a day for 4 weeks [@maier2003]',
        '',
        '<!--',
        'The trial and its dose, as the slide says.',
        '-->',
        '',
      ].join('\n')
      writeFileSync(join(dir, 'slides/new.md'), section)
      const found = (await remindersAbout(entry, /speaker notes|without its source/)).map(formatFinding)
      expect(found).toEqual([
        expect.stringMatching(/^slides\/new\.md:1:1: slide 2 "Ketamine around surgery" has no speaker notes: write what you will say in a <!-- comment --> at the end of the slide/),
        expect.stringMatching(/^slides\/new\.md:8:1: slide 2 shows a number without its source \("Bolus up to 0\.35 mg\/kg"\): cite it on that line \(\[@key\]\)/),
      ])
    })
  })

  it('holds this deck to both: nothing to remind of', async () => {
    expect(await remindersAbout(join(projectRoot, 'slides.md'), /speaker notes|without its source/)).toEqual([])
  })
})

// A fork cut a section and kept `sourceOutline:`: only `npm test`, minutes later, said the deck no
// longer follows the source lecture. The build and `npm run dev` say it, at the key.
describe('deckReminders: the source outline', () => {
  it('names the first source slide the deck lost, at the sourceOutline line, and nothing when all are there', async () => {
    await inScratch('outline-', async (dir) => {
      const entry = join(dir, 'slides.md')
      writeFileSync(join(dir, 'outline.yaml'), 'titles:\n  - Definition\n  - Wind-up\n  - Tolerance\n')
      const deck = (slides: string[], head = 'sourceOutline: outline.yaml\n') => `---\ntitle: T\n${head}---\n\n# T\n\n${slides.map(t => `---\n\n# ${t}\n\nText.\n`).join('\n')}`
      const outlineOf = async () => (await remindersAbout(entry, /sourceOutline/)).map(formatFinding)
      writeFileSync(entry, deck(['Definition', 'Wind-up', 'Tolerance']))
      expect(await outlineOf()).toEqual([])
      writeFileSync(entry, deck(['Definition', 'Tolerance']))
      expect(await outlineOf()).toEqual([
        'slides.md:3:1: \'sourceOutline\': the source lecture\'s slide "Wind-up" is missing after the deck\'s slide 2 (or out of order), so `npm test` will fail on it. Put the slide back; or, if this is your own talk now, delete the sourceOutline lines (README: Make it your talk).',
      ])
      // An outline that is not one is named too, not skipped.
      for (const [yaml, says] of [
        ['titles: [Definition\n', 'cannot be read as the source lecture\'s outline: '],
        ['slides:\n  - Definition\n', 'it needs a "titles:" list'],
      ] as const) {
        writeFileSync(join(dir, 'outline.yaml'), yaml)
        const [found, ...rest] = await outlineOf()
        expect(rest).toEqual([])
        expect(found, yaml).toMatch(/^slides\.md:3:1: 'sourceOutline': outline\.yaml cannot be read as the source lecture's outline: \S.{8,}\. Fix it/)
        expect(found, yaml).toContain(says)
        // One line, as every reminder: not the parser's excerpt of the file.
        expect(found, yaml).not.toContain('\n')
      }
      // Its own talk: no outline, no reminder.
      writeFileSync(entry, deck(['Definition'], ''))
      expect(await outlineOf()).toEqual([])
    })
  })
})

// short.md is the same talk, shorter, from the same section files: a setting it has otherwise is
// named when slides.md is built or served; a deck of other files is a talk of its own.
describe('deckReminders: the settings of the other decks', () => {
  it('names a deck setting a version of the same talk has otherwise, and leaves another talk alone', async () => {
    await inScratch('drift-', async (dir) => {
      mkdirSync(join(dir, 'slides'))
      writeFileSync(join(dir, 'slides/part.md'), '# Part\n\nText.\n')
      writeFileSync(join(dir, 'slides/other.md'), '# Other\n\nText.\n')
      const deck = (title: string, scheme: string, src: string) => `---\ntitle: ${title}\ncolorSchema: ${scheme}\n---\n\n# ${title}\n\n---\nsrc: ./slides/${src}.md\n---\n`
      writeFileSync(join(dir, 'slides.md'), deck('T', 'auto', 'part'))
      writeFileSync(join(dir, 'short.md'), deck('T (short)', 'light', 'part'))
      writeFileSync(join(dir, 'workshop.md'), deck('Workshop', 'dark', 'other'))
      const drift = (await remindersAbout(join(dir, 'slides.md'), /is the same talk/)).map(formatFinding)
      expect(drift).toEqual([
        expect.stringMatching(/^short\.md:3:1: 'colorSchema' is "light" here and "auto" in slides\.md: /),
      ])
    })
  })
})

// A fork put its name in slides.md and presented; its 20-minute version, short.md, still
// showed "Presenter's name" and nothing had said so.
describe('deckReminders: the other decks', () => {
  it('names short.md\'s template name when slides.md has the lecturer\'s, and the other way round', async () => {
    await inScratch('sibling-', async (dir) => {
      const deck = (title: string, author: string) => `---\ntitle: ${title}\nauthor: ${author}\n---\n\n# ${title}\n\n<!--\nWhat I say when the talk opens.\n-->\n`
      writeFileSync(join(dir, 'slides.md'), deck('T', 'Dr Ada Example'))
      writeFileSync(join(dir, 'short.md'), deck('T (20 minutes)', 'Presenter\'s name'))
      // Not decks: a README even with a headmatter, a folder named like a deck, a Markdown file
      // with no headmatter, and one whose headmatter does not parse.
      writeFileSync(join(dir, 'README.md'), deck('About', 'Presenter\'s name'))
      mkdirSync(join(dir, 'drafts.md'))
      writeFileSync(join(dir, 'CHANGES.md'), '# Changes\n\nauthor: Presenter\'s name\n')
      writeFileSync(join(dir, 'notes.md'), '---\ntitle: a: b\n---\n')
      const reminded = async (entry: string) => (await remindersAbout(join(dir, entry))).map(formatFinding)
      expect(await reminded('slides.md')).toEqual([
        expect.stringMatching(/^short\.md:3:1: 'author' is still the template's "Presenter's name", where slides\.md has yours: .* Put yours there too, or delete short\.md if you do not give that talk/),
      ])
      // Building the short talk: its own reminder, and none for slides.md, which has a name.
      writeFileSync(join(dir, 'short.md'), deck('T (20 minutes)', 'Presenter\'s name').replace('\n', '\r\n'))
      expect(await reminded('short.md')).toEqual([
        expect.stringMatching(/^short\.md:3:1: 'author' is still the template's "Presenter's name", shown on/),
      ])
      writeFileSync(join(dir, 'short.md'), deck('T (20 minutes)', 'Dr Ada Example'))
      expect(await reminded('slides.md')).toEqual([])
      // The other way round: the short talk named, slides.md not. It is never one to delete.
      writeFileSync(join(dir, 'slides.md'), deck('T', 'Presenter\'s name'))
      const [other, ...rest] = await reminded('short.md')
      expect(rest).toEqual([])
      expect(other).toMatch(/^slides\.md:3:1: 'author' is still the template's "Presenter's name", where short\.md has yours: .* Put yours there too \(README: Make it your talk\)\.$/)
    })
  })
})
