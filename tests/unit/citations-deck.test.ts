import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCitedDeck, slideSources } from '../../addons/citations/lib'
import { loadBibliography } from '../../addons/citations/lib/bibliography'
import { paginateReferences, referencePagesMarkdown } from '../../addons/citations/lib/render'
import { breakableIdentifier, EVIDENCE_MARK, formatVancouver, isRecordLink, shortSource } from '../../addons/citations/lib/vancouver'
import preparser from '../../addons/citations/setup/preparser'

const fixture = (p: string) => resolve(__dirname, '../fixtures', p)

describe('deck citations through Slidev\'s parser', () => {
  it('numbers keys in order of first citation across imports and notes, skipping hidden slides and code', async () => {
    const deck = await loadCitedDeck(fixture('refs-ok/slides.md'))
    expect(deck.citations.order).toEqual([
      'petrenko2003',
      'woolf2011',
      'staud2004',
      'mccartney2004',
    ])
    expect([...deck.numbers]).toEqual([
      ['petrenko2003', 1],
      ['woolf2011', 2],
      ['staud2004', 3],
      ['mccartney2004', 4],
    ])
    const keys = deck.citations.occurrences.map(o => o.key)
    expect(keys).not.toContain('notakey')
    expect(keys).not.toContain('alsonotakey')
    expect(keys).not.toContain('hiddenkey')
  })

  it('maps each citation to its real file, line and column (the imported file, not slides.md)', async () => {
    const deck = await loadCitedDeck(fixture('refs-ok/slides.md'))
    const where = deck.citations.occurrences.map(o => `${o.file.split('/').pop()}:${o.line}:${o.col}:${o.part}:${o.key}`)
    expect(where).toEqual([
      'slides.md:8:46:content:petrenko2003',
      'slides.md:11:26:note:woolf2011',
      'section.md:3:23:content:staud2004',
      'section.md:3:35:content:petrenko2003',
      'section.md:12:58:note:mccartney2004',
    ])
    // The positions point at the key in the file itself.
    const lines = readFileSync(fixture('refs-ok/section.md'), 'utf8').split('\n')
    expect(lines[11]!.slice(57, 57 + 'mccartney2004'.length)).toBe('mccartney2004')
  })

  it('gives each slide its short source line, for what its content cites', async () => {
    const deck = await loadCitedDeck(fixture('refs-ok/slides.md'))
    expect(slideSources(deck, 1)).toEqual(['1 Petrenko AB et al. Anesthesia & Analgesia 2003'])
    expect(slideSources(deck, 2)).toEqual(['1 Petrenko AB et al. Anesthesia & Analgesia 2003', '3 Staud R et al. Pain 2004'])
  })
})

describe('vancouver formatting', () => {
  const bib = loadBibliography(readFileSync(fixture('refs-ok/refs.bib'), 'utf8'), 'refs.bib')
  const refs = formatVancouver(['petrenko2003', 'staud2004', 'woolf2011'].map(k => bib.byKey.get(k)!))

  it('formats entries in the given order with identifiers', () => {
    expect(refs.map(r => `${r.number}. ${r.text}`)).toEqual([
      '1. Petrenko AB, Yamakura T, Baba H, Shimoji K. The role of N-methyl-D-aspartate (NMDA) receptors in pain: a review. Anesthesia & Analgesia. 2003;97(4):1108–16. doi: 10.1213/01.ANE.0000081061.12235.55. PMID: 14500166.',
      '2. Staud R, Price DD, Robinson ME, Mauderli AP, Vierck CJ. Maintenance of windup of second pain requires less frequent stimulation in fibromyalgia patients compared to normal controls. Pain. 2004;110(3):689–96. PMID: 15288410.',
      '3. Woolf CJ. Central sensitization: implications for the diagnosis and treatment of pain. Pain. 2011;152(3 Suppl):S2–15. doi: 10.1016/j.pain.2010.09.030. PMID: 20961685.',
    ])
  })

  it('gives an initial for each part of a hyphenated given name, whatever its case', () => {
    const text = readFileSync(fixture('refs-ok/refs.bib'), 'utf8')
      .replace(/author = \{[^}]*\}/, 'author = {Zhang, Wei and Shi, Chang-Xi and Gu, Xiao-ping}')
    const [ref] = formatVancouver([loadBibliography(text, 'x.bib').entries[0]!])
    expect(ref!.text).toMatch(/^Zhang W, Shi CX, Gu XP\. /)
  })

  it('links DOI and PMID and escapes HTML', () => {
    expect(refs[0]!.html).toContain('Anesthesia &amp; Analgesia.')
    const doi = /doi: <a href="https:\/\/doi\.org\/10\.1213\/01\.ANE\.0000081061\.12235\.55">(.*?)<\/a>\./.exec(refs[0]!.html)
    expect(doi, refs[0]!.html).not.toBeNull()
    expect(doi![1]!.replace(/<[^>]+>/g, '')).toBe('10.1213/01.ANE.0000081061.12235.55')
    expect(refs[0]!.html).toContain('PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/14500166/">14500166</a>.')
  })

  it('marks entries whose audit is not verified with the evidence mark, not the audit verdict', () => {
    const text = readFileSync(fixture('refs-ok/refs.bib'), 'utf8').replace('audit = {verified}', 'audit = {unverified}')
    const marked = formatVancouver([loadBibliography(text, 'x.bib').entries[0]!])[0]!
    expect(marked.auditMark).toBe(EVIDENCE_MARK)
    expect(marked.text.endsWith(` ${EVIDENCE_MARK}`)).toBe(true)
    expect(marked.html).toMatch(/<span class="reference-audit" title="Low certainty[^"]*">†<\/span>$/)
    expect(`${marked.text} ${marked.html}`).not.toMatch(/unverified|not traced|not independently/i)
    expect(formatVancouver([loadBibliography(readFileSync(fixture('refs-ok/refs.bib'), 'utf8'), 'x.bib').entries[0]!])[0]!.auditMark).toBeUndefined()
  })

  it('prints a URL only when it is the record itself (DOI, PubMed, the publisher), never a copy', () => {
    expect(isRecordLink('https://pubmed.ncbi.nlm.nih.gov/19153406/')).toBe(true)
    expect(isRecordLink('https://journals.lww.com/rapm/Fulltext/2018/07000/x.aspx')).toBe(true)
    expect(isRecordLink('https://www.scribd.com/document/613704632/x')).toBe(false)
    expect(isRecordLink('https://acemap.info/paper/48889059')).toBe(false)
    expect(isRecordLink('not a url')).toBe(false)
    const text = readFileSync(fixture('refs-ok/refs.bib'), 'utf8')
    const entry = loadBibliography(text, 'x.bib').entries[0]!
    const copy = formatVancouver([
      {
        ...entry,
        doi: undefined,
        pmid: undefined,
        url: 'https://acemap.info/paper/1',
      },
    ])[0]!
    expect(copy.text).not.toContain('acemap')
    const publisher = formatVancouver([
      {
        ...entry,
        doi: undefined,
        pmid: undefined,
        url: 'https://www.nature.com/articles/x',
      },
    ])[0]!
    expect(publisher.text).toContain('Available from: https://www.nature.com/articles/x')
  })

  it('lets a DOI or URL wrap after a slash or before a dot or hyphen, never just after a hyphen nor inside a DOI\'s prefix', () => {
    const parts = (html: string) => [
      ...html.matchAll(/<span class="id-part">([^<]*)<\/span>/g),
    ].map(m => m[1])
    const doi = breakableIdentifier('10.1046/j.1365-2125.2002.01')
    expect(parts(doi)).toEqual([
      '10.1046/',
      'j',
      '.1365',
      '-2125',
      '.2002',
      '.01',
    ])
    // Nothing but the parts and the break points between them: copied, it is the DOI.
    expect(doi.replace(/<span class="id-part">|<\/span>|<wbr>/g, '')).toBe('10.1046/j.1365-2125.2002.01')
    expect(parts(breakableIdentifier('https://www.mdpi.com/1424-8247/15'))).toEqual([
      'https://',
      'www',
      '.mdpi',
      '.com/',
      '1424',
      '-8247/',
      '15',
    ])
    expect(breakableIdentifier('10.1/a<b&c')).toContain('a&lt;b&amp;c')
    const web = formatVancouver([
      {
        ...bib.byKey.get('woolf2011')!,
        doi: undefined,
        pmid: undefined,
        url: 'https://www.nature.com/articles/x-1',
      },
    ])[0]!
    expect(parts(web.html)).toContain('-1')
  })

  it('writes the short source line as the lecture does', () => {
    expect(shortSource(bib.byKey.get('woolf2011')!)).toBe('Woolf CJ. Pain 2011')
    expect(shortSource(bib.byKey.get('mccartney2004')!)).toBe('McCartney CJL et al. Anesthesia & Analgesia 2004')
  })

  // "Jahr CE et al." was printed for Jahr and Stevens: "et al." is "and others", and a paper
  // of two authors has one other.
  it('names both authors of a two-author paper, and only the first of more', () => {
    const two = loadBibliography([
      '@article{two, author = {Jahr, C. E. and Stevens, C. F.}, title = {T}, journal = {Journal of Neuroscience}, year = {1990}}',
      '@article{cut, author = {Ascher, P. and others}, title = {T}, journal = {J Physiol}, year = {1988}}',
      '@article{three, author = {Allen, R. and Dykstra, L. and Yaksh, T. L.}, title = {T}, journal = {JPET}, year = {1999}}',
      '@article{bare, author = {Dickenson and Sullivan}, title = {T}, journal = {Neuropharmacology}, year = {1987}}',
    ].join('\n'), 'refs.bib')
    expect(shortSource(two.byKey.get('two')!)).toBe('Jahr CE, Stevens CF. Journal of Neuroscience 1990')
    expect(shortSource(two.byKey.get('cut')!)).toBe('Ascher P et al. J Physiol 1988')
    expect(shortSource(two.byKey.get('three')!)).toBe('Allen R et al. JPET 1999')
    expect(shortSource(two.byKey.get('bare')!)).toBe('Dickenson, Sullivan. Neuropharmacology 1987')
  })
})

describe('references pages', () => {
  const layout = { charsPerLine: 100, linesPerPage: 10, gapLines: 0 }
  const entries = (lengths: number[]) => lengths.map((n, i) => ({
    key: `k${i}`,
    number: i + 1,
    text: 'x'.repeat(n),
    html: 'x',
  }))
  const linesOf = (page: { text: string }[]) => page.reduce((sum, r) => sum + Math.ceil(r.text.length / layout.charsPerLine), 0)

  it('never splits an entry, fills the pages evenly and starts each page at its first number', () => {
    const pages = paginateReferences(entries(Array.from<number>({ length: 9 }).fill(250)), layout)
    expect(pages.map(p => p.map(r => r.number))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6, 7],
      [8, 9],
    ])
    const md = referencePagesMarkdown(pages, ['layout: default', 'class: references']).join('\n')
    expect(md.match(/^# References/gm)).toHaveLength(4)
    expect(md).toContain('start="3"')
    expect(md).toContain('(4/4)')
    expect(md.match(/^class: references$/gm)).toHaveLength(3)
  })

  it('takes as many pages whatever the order of the entries (a new citation order keeps the slide count), each within a page', () => {
    // Filled in order, page by page, these take 4 pages in one order and 3 in another.
    const lengths = [600, 500, 500, 400, 300, 300, 200, 200]
    const orders = [
      lengths,
      [...lengths].reverse(),
      [...lengths].sort((a, b) => a - b),
      [...lengths].sort((a, b) => b - a),
      [
        ...lengths.slice(3),
        ...lengths.slice(0, 3),
      ],
    ]
    const counts = orders.map((order) => {
      const pages = paginateReferences(entries(order), layout)
      expect(pages.flat().map(r => r.text.length)).toEqual(order)
      for (const page of pages) {
        expect(page.length).toBeGreaterThan(0)
        expect(linesOf(page)).toBeLessThanOrEqual(layout.linesPerPage)
      }
      return pages.length
    })
    expect(new Set(counts).size, `pages per order: ${counts.join(', ')}`).toBe(1)
    expect(paginateReferences([], layout)).toEqual([[]])
  })
})

describe('the preparser, run by Slidev\'s own loader', () => {
  // Slidev's CLI installs this loader (its node/setups/preparser.ts): the preparser setup of
  // every root that has one. The addon is the one root here; its own reading of the deck
  // asks for no roots, as in Slidev.
  const addon = resolve(__dirname, '../../addons/citations')
  beforeAll(() => {
    injectPreparserExtensionLoader(async (roots, headmatter, filepath, mode) =>
      (await Promise.all(roots.filter(r => existsSync(join(r, 'setup/preparser.ts'))).map(() => preparser({ filepath, headmatter, mode })))).flat())
  })
  afterAll(() => {
    injectPreparserExtensionLoader(null as any)
  })

  it('renders numbers in slides and notes, the source line, and the references slides', async () => {
    const root = fixture('refs-ok')
    const data = await load({
      userRoot: root,
      roots: [addon, root],
    }, `${root}/with-references.md`, undefined, 'build')
    const [first, second, ...rest] = data.slides as [typeof data.slides[0], typeof data.slides[0], ...typeof data.slides]
    expect(first.content).toContain('NMDA receptors<sup class="citation" data-cite="petrenko2003" v-pre>1</sup>.')
    expect(first.content).toContain('<SlideSources><ol class="slide-sources-list" v-pre><li data-cite="petrenko2003"><span class="source-number">1</span> Petrenko AB et al. Anesthesia &amp; Analgesia 2003</li></ol></SlideSources>')
    expect(first.note).toContain('a page:<sup class="citation" data-cite="woolf2011" v-pre>2, p. S3</sup>.')
    expect(second.content).toContain('<sup class="citation" data-cite="staud2004 petrenko2003" v-pre>1,3</sup>')
    expect(second.content).toContain('`[@notakey]`')
    expect(second.note).toContain('<sup class="citation" data-cite="mccartney2004" v-pre>4</sup>')
    const references = rest.filter(s => s.content.includes('references-list'))
    expect(references).toHaveLength(1)
    expect(references[0]!.frontmatter.class).toBe('references')
    expect([
      ...references[0]!.content.matchAll(/<li id="ref-([^"]+)" value="(\d+)"/g),
    ].map(m => `${m[2]}:${m[1]}`))
      .toEqual([
        '1:petrenko2003',
        '2:woolf2011',
        '3:staud2004',
        '4:mccartney2004',
      ])
  })

  it('fails a build on a key that does not resolve, naming file:line:col', async () => {
    const root = fixture('refs-errors')
    await expect(load({
      userRoot: root,
      roots: [addon, root],
    }, `${root}/slides.md`, undefined, 'build'))
      .rejects
      .toThrow(/slides\.md:8:20: error: citation key 'petrenko2030'/)
  })
})

describe('a BibTeX entry a lecturer broke', () => {
  it('a field without its comma: the line that lacks it, in words, not the parser\'s', () => {
    const text = readFileSync(fixture('refs-ok/refs.bib'), 'utf8')
    const lines = text.split('\n')
    // The first entry's title line loses its trailing comma.
    const at = lines.findIndex(l => /^\s*title\s*=.*,\s*$/.test(l))
    lines[at] = lines[at]!.replace(/,\s*$/, '')
    const bib = loadBibliography(lines.join('\n'), 'refs.bib')
    const [f] = bib.findings.filter(x => x.severity === 'error')
    expect(f).toMatchObject({ line: at + 1, col: lines[at]!.length + 1, key: 'petrenko2003' })
    expect(f!.message).toMatch(/^BibTeX syntax error: a comma is missing at the end of this line: every field of an entry but the last ends with ","/)
    expect(f!.message).not.toMatch(/:\.|:\)$/)
  })
})
