import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { describe, expect, it } from 'vitest'
import { settingsDrift } from '../../lib/deckCheck'
import { checkHeadmatter, logoAlt, logoUrl, siblingReminders, TEMPLATE_VALUES, templateReminders, urlReminder } from '../../lib/talkConfig'
import { entryFiles, projectRoot } from '../support/project'

function md(lines: string[]) {
  return [
    '---',
    ...lines,
    '---',
    '',
    '<TitleSlide />',
  ].join('\n')
}
const check = (lines: string[], hm: Record<string, unknown>, exists: (path: string) => boolean = () => true) => checkHeadmatter('slides.md', md(lines), hm, exists)

describe('checkHeadmatter', () => {
  it('accepts the talk keys and Slidev options', () => {
    expect(check([
      'title: T',
      'author: A',
      'accent: "#0b5cad"',
      'theme: default',
    ], {
      title: 'T',
      author: 'A',
      accent: '#0b5cad',
      theme: 'default',
    })).toEqual([])
  })

  it('names a mistyped key at its line with the nearest known key', () => {
    const f = check(['title: T', 'afiliation: X'], { title: 'T', afiliation: 'X' })
    expect(f).toEqual([
      expect.objectContaining({ file: 'slides.md', line: 3, column: 1 }),
    ])
    expect(f[0]!.message).toMatch(/^unknown headmatter key 'afiliation'\. Did you mean 'affiliation'/)
  })

  it('keeps the presenter\'s name out of Slidev\'s presenter switch', () => {
    const f = check(['title: T', 'presenter: Dr A'], { title: 'T', presenter: 'Dr A' })
    expect(f.map(x => x.message).join()).toContain('put the presenter\'s name in \'author\'')
  })

  it('checks the date, the accent colour, the title and the bibliography path', () => {
    const f = check(['date: 22/11/2026', 'accent: blue', 'bibliography: refs.bib'], { date: '22/11/2026', accent: 'blue', bibliography: 'refs.bib' }, () => false)
    expect(f.map(x => x.message)).toEqual([
      expect.stringContaining('needs a \'title\''),
      expect.stringContaining('\'date\' should be a day as YYYY-MM-DD'),
      expect.stringContaining('\'accent\' should be a colour as #rrggbb'),
      expect.stringContaining('\'bibliography\' names refs.bib, which does not exist'),
    ])
  })

  it('names a source outline that does not exist at its line', () => {
    const f = check(['title: T', 'sourceOutline: slides/outline.yaml'], { title: 'T', sourceOutline: 'slides/outline.yaml' }, p => p !== 'slides/outline.yaml')
    expect(f).toEqual([
      expect.objectContaining({
        line: 3,
        message: expect.stringContaining('\'sourceOutline\' names slides/outline.yaml, which does not exist'),
      }),
    ])
  })

  it('takes no logo as no logo: no key, an empty key, or `logo:` with nothing after it', () => {
    const none = () => false
    expect(check(['title: T'], { title: 'T' }, none)).toEqual([])
    expect(check(['title: T', 'logo: ""'], { title: 'T', logo: '' }, none)).toEqual([])
    expect(check(['title: T', 'logo:'], { title: 'T', logo: null }, none)).toEqual([])
  })

  it('accepts a logo that is an image in public/, written from slides.md', () => {
    const asked: string[] = []
    const exists = (p: string) => asked.push(p) > 0
    expect(check(['title: T', 'logo: ./public/brand/logo.svg'], { title: 'T', logo: './public/brand/logo.svg' }, exists)).toEqual([])
    expect(check(['title: T', 'logo: public/Logo.PNG'], { title: 'T', logo: 'public/Logo.PNG' }, exists)).toEqual([])
    expect(asked).toEqual(['public/brand/logo.svg', 'public/Logo.PNG'])
  })

  it('names a logo file that is missing, at its line, and says where the image goes', () => {
    const f = check(['title: T', 'author: A', 'logo: public/logo.svg'], { title: 'T', author: 'A', logo: 'public/logo.svg' }, () => false)
    expect(f).toEqual([
      {
        file: 'slides.md',
        line: 4,
        column: 1,
        message: expect.stringMatching(/^logo: no file at public\/logo\.svg; put the image in public\//),
      },
    ])
  })

  it('refuses a logo that is not an image, even when the file exists', () => {
    for (const logo of ['public/logo.pdf', 'public/logo', 'references.bib']) {
      const f = check(['title: T', `logo: ${logo}`], { title: 'T', logo }, () => true)
      expect(f, logo).toEqual([
        expect.objectContaining({
          line: 3,
          message: expect.stringContaining(`logo: ${logo} is not an image the slides can show; use an SVG or PNG`),
        }),
      ])
    }
  })

  it('refuses a logo outside public/, an address, and a logo that is not text', () => {
    const messages = (logo: unknown) => check(['title: T', 'logo: x'], { title: 'T', logo }, () => true).map(x => x.message)
    expect(messages('figures/logo.svg')).toEqual([
      expect.stringContaining('figures/logo.svg is not in public/, so the built site would not have it'),
    ])
    expect(messages('public/../figures/logo.svg')).toEqual([
      expect.stringContaining('is not in public/'),
    ])
    expect(messages('https://example.org/logo.png')).toEqual([
      expect.stringContaining('https://example.org/logo.png is an address, not a file'),
    ])
    expect(messages(42)).toEqual([
      expect.stringContaining('\'logo\' should be text, got 42'),
    ])
  })
})

describe('logoUrl', () => {
  it('serves public/ at the base the site is built for', () => {
    expect(logoUrl('public/logo.svg', '/')).toBe('/logo.svg')
    expect(logoUrl('./public/brand/logo.png', '/my-talk/')).toBe('/my-talk/brand/logo.png')
    expect(logoUrl('public/logo.svg', '/my-talk')).toBe('/my-talk/logo.svg')
    expect(logoUrl('public/our logo.svg', '/')).toBe('/our%20logo.svg')
  })

  it('gives nothing to show for no logo or one the checker refuses', () => {
    for (const v of [
      undefined,
      null,
      '',
      '  ',
      42,
      'figures/logo.svg',
      'public/logo.pdf',
      'https://example.org/logo.png',
      'public/../x.svg',
    ])
      expect(logoUrl(v, '/'), String(v)).toBeUndefined()
  })

  it('names whose logo it is', () => {
    expect(logoAlt({ affiliation: 'Department of Anaesthesia' })).toBe('Department of Anaesthesia logo')
    expect(logoAlt({})).toBe('Logo')
  })
})

// README, Make it your talk: a fork takes the "# " off the template's logo and url lines. What is
// left must be the key and its example, not YAML that breaks on an explanation after the value.
describe('the template\'s commented keys', () => {
  for (const entry of entryFiles) {
    it(`in ${entry}, each parses as its key once uncommented`, () => {
      const markdown = readFileSync(resolve(projectRoot, entry), 'utf8')
      for (const key of ['logo', 'url']) {
        // However the comment is spaced; a fork that set the key has no commented line left.
        const line = markdown.split('\n').find(l => new RegExp(`^#\\s*${key}\\s*:`).test(l))
        if (!line)
          continue
        const uncommented = line.replace(/^#\s*/, '')
        const slide = parseSync(markdown.replace(line, uncommented), entry).slides[0]!
        const value = uncommented.slice(uncommented.indexOf(':') + 1).trim()
        expect(value, `${entry}: ${line}: a path or an address alone`).toMatch(/^\S+$/)
        expect(slide.frontmatter[key], `${entry}: ${line}`).toBe(value)
      }
    })
  }
})

describe('the url key', () => {
  it('takes an https address, and no key as no QR code', () => {
    expect(check(['title: T', 'url: https://you.github.io/talk/'], { title: 'T', url: 'https://you.github.io/talk/' })).toEqual([])
    expect(check(['title: T'], { title: 'T' })).toEqual([])
  })
  it('names an address a phone cannot open, at its line', () => {
    for (const url of [
      'you.github.io/talk',
      'ftp://x.org/',
      42,
      'https://exa mple.org/',
    ]) {
      const f = check(['title: T', `url: ${url}`], { title: 'T', url })
      expect(f, String(url)).toEqual([
        expect.objectContaining({
          line: 3,
          message: expect.stringContaining('\'url\' should be the address the deck is published at'),
        }),
      ])
    }
  })
})

describe('templateReminders', () => {
  const lines = [
    'title: T',
    `author: ${TEMPLATE_VALUES.author}`,
    `affiliation: ${TEMPLATE_VALUES.affiliation}`,
  ]
  it('names each stand-in the template ships with, at its line, and what it is shown on', () => {
    const found = templateReminders('short.md', md(lines), { title: 'T', ...TEMPLATE_VALUES })
    expect(found.map(f => [f.file, f.line, f.column])).toEqual([
      ['short.md', 3, 1],
      ['short.md', 4, 1],
    ])
    expect(found[0]!.message).toMatch(/^'author' is still the template's "Presenter's name", shown on the title slide, every footer/)
    expect(found[1]!.message).toMatch(/^'affiliation' is still the template's "Department, Institution"/)
  })

  it('says nothing once the lecturer\'s own words are there, or when the key is left out', () => {
    expect(templateReminders('slides.md', md(lines), { title: 'T', author: 'Dr Ada Example', affiliation: ' Example Pain Institute ' })).toEqual([])
    expect(templateReminders('slides.md', md(['title: T']), { title: 'T' })).toEqual([])
    // Only the stand-in itself: a name that contains it is someone's own.
    expect(templateReminders('slides.md', md(lines), { author: `${TEMPLATE_VALUES.author}s`, affiliation: `${TEMPLATE_VALUES.affiliation} of Pain` })).toEqual([])
  })
})

describe('siblingReminders', () => {
  const short = {
    file: 'short.md',
    markdown: md(['title: T (20 minutes)', `author: ${TEMPLATE_VALUES.author}`, `affiliation: ${TEMPLATE_VALUES.affiliation}`]),
    headmatter: { title: 'T (20 minutes)', ...TEMPLATE_VALUES },
  }
  it('names the other deck\'s stand-ins, in its file at its lines, once this deck has the lecturer\'s own', () => {
    const found = siblingReminders('slides.md', { title: 'T', author: 'Dr Ada Example', affiliation: 'Example Pain Institute' }, short)
    expect(found.map(f => [f.file, f.line, f.column])).toEqual([
      ['short.md', 3, 1],
      ['short.md', 4, 1],
    ])
    expect(found[0]!.message).toMatch(/^'author' is still the template's "Presenter's name", where slides\.md has yours: short\.md is a talk of its own, and shows it on the title slide, every footer/)
    expect(found[0]!.message).toContain('or delete short.md if you do not give that talk')
  })

  it('says nothing while this deck has the template\'s too, or where the other deck has been changed', () => {
    expect(siblingReminders('slides.md', { title: 'T', ...TEMPLATE_VALUES }, short)).toEqual([])
    expect(siblingReminders('slides.md', { title: 'T' }, short)).toEqual([])
    // One key changed in this deck: only that key is reminded of in the other.
    expect(siblingReminders('slides.md', { author: 'Dr Ada Example', affiliation: TEMPLATE_VALUES.affiliation }, short).map(f => f.line)).toEqual([3])
    expect(siblingReminders('slides.md', { author: 'Dr Ada Example' }, {
      ...short,
      headmatter: { author: 'Dr Ada Example' },
    })).toEqual([])
  })
})

describe('settingsDrift', () => {
  const deck = (lines: string[], headmatter: Record<string, unknown>) => ({
    file: 'short.md',
    markdown: md(lines),
    headmatter,
  })
  it('names a deck setting the other deck has otherwise, or lacks, in its file at its line', () => {
    const ours = {
      title: 'T',
      author: 'A',
      colorSchema: 'auto',
      pwa: 'build',
      fonts: { sans: 'Source Sans 3' },
    }
    const found = settingsDrift('slides.md', ours, deck([
      'title: T (20 minutes)',
      'author: B',
      'colorSchema: light',
      'fonts:',
      '  sans: Source Sans 3',
    ], {
      title: 'T (20 minutes)',
      author: 'B',
      colorSchema: 'light',
      fonts: { sans: 'Source Sans 3' },
    }))
    expect(found.map(f => [f.file, f.line, f.message.split(':')[0]])).toEqual([
      ['short.md', 4, '\'colorSchema\' is "light" here and "auto" in slides.md'],
      ['short.md', 1, '\'pwa\' is not set here and "build" in slides.md'],
    ])
    expect(found[0]!.message).toContain('or delete short.md if you do not give that talk')
  })

  it('reads a setting written with its keys in another order as the same', () => {
    expect(settingsDrift('slides.md', {
      fonts: { sans: 'A', mono: 'B' },
    }, deck(['fonts:', '  mono: B', '  sans: A'], {
      fonts: { mono: 'B', sans: 'A' },
    }))).toEqual([])
  })

  it('leaves the talk\'s own identity and length alone, and says nothing when the settings agree', () => {
    expect(settingsDrift('slides.md', {
      title: 'T',
      duration: '45min',
      accent: '#0b5cad',
      theme: 'default',
    }, deck([
      'title: S',
      'duration: 20min',
      'accent: "#7a1f5c"',
      'theme: default',
    ], {
      title: 'S',
      duration: '20min',
      accent: '#7a1f5c',
      theme: 'default',
    }))).toEqual([])
  })
})

describe('urlReminder', () => {
  const entry = (lines: string[]) => `---\n${lines.join('\n')}\n---\n\n# Title\n`
  it('reminds, at the template\'s # url: comment, when the take-away is offered with no address', () => {
    const [found, ...rest] = urlReminder('slides.md', entry(['title: T', '# logo: public/logo.svg', '# url: https://you.github.io/your-repository/']), { title: 'T' }, true)
    expect(rest).toEqual([])
    expect([found!.file, found!.line, found!.column]).toEqual(['slides.md', 4, 1])
    expect(found!.message).toMatch(/^no 'url': the closing slide offers the slides and the handout, but the hall gets no address or QR code/)
    // No comment to point at: the headmatter's first line.
    expect(urlReminder('short.md', entry(['title: T']), { title: 'T' }, true)[0]!.line).toBe(1)
    // A key left empty is no address either.
    expect(urlReminder('slides.md', entry(['url:']), { url: null }, true)).toHaveLength(1)
    expect(urlReminder('slides.md', entry(['url: " "']), { url: ' ' }, true)).toHaveLength(1)
  })

  it('says nothing with a url, or when no slide offers the PDFs', () => {
    expect(urlReminder('slides.md', entry(['url: https://example.org/talk/']), { url: 'https://example.org/talk/' }, true)).toEqual([])
    expect(urlReminder('slides.md', entry(['title: T']), { title: 'T' }, false)).toEqual([])
  })
})
