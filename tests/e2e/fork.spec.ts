import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { loadCitedDeck } from '../../setup/citations'
import { fold, pageTexts, pdfInfo } from '../support/pdf'
import { copyProject, runScript } from '../support/project'

// A lecturer forks the talk: new title and presenter, one section dropped, one new study
// added and cited. The real build must carry all of it into the site and both PDFs.
const REMOVED = 'slides/06-review-2025.md'

// A real article (biophysics.md section 3: Mendell 2022, Front Pain Res 3:833104), with
// only the fields confirmed there.
const NEW_ENTRY = `
@article{mendell2022,
  author = {Mendell, Lorne M.},
  journal = {Frontiers in Pain Research},
  year = {2022},
  volume = {3},
  pages = {833104},
  doi = {10.3389/fpain.2022.833104},
  audit = {verified},
  auditnote = {biophysics.md section 3; added by the fork test},
}
`

test('a fork with its own title, presenter, sections and a new study builds into the site and both PDFs', async ({ page }) => {
  test.setTimeout(600_000)
  const dir = copyProject()
  const before = await loadCitedDeck(join(dir, 'slides.md'))
  const onlyInRemoved = before.citations.order.filter(key =>
    before.citations.occurrences.filter(o => o.key === key).every(o => o.file.endsWith(REMOVED)))
  expect(onlyInRemoved.length, 'the removed section should cite something no other section does').toBeGreaterThan(0)

  const entry = join(dir, 'slides.md')
  let md = readFileSync(entry, 'utf8')
  md = md.replace(/^title: .*$/m, 'title: Glutamate, NMDA receptors and chronic pain')
    .replace(/^author: .*$/m, 'author: Dr Ada Example')
    .replace(`---\nsrc: ./${REMOVED}\n---\n`, '')
  writeFileSync(entry, md)
  const section = join(dir, 'slides/04-clinical-implications.md')
  writeFileSync(section, readFileSync(section, 'utf8').replace('# Windup Pain\n', '# Windup Pain\n\nFirst described in the mid-1960s [@mendell2022]\n'))
  writeFileSync(join(dir, 'references.bib'), readFileSync(join(dir, 'references.bib'), 'utf8') + NEW_ENTRY)

  const r = runScript(dir, 'build.ts')
  expect(r.code, r.output).toBe(0)
  const dist = join(dir, 'dist')
  for (const f of ['index.html', 'slides.pdf', 'handout.pdf'])
    expect(existsSync(join(dist, f)), f).toBe(true)

  for (const pdf of ['slides.pdf', 'handout.pdf']) {
    const info = pdfInfo(join(dist, pdf))
    expect(info.Title, pdf).toMatch(/^Glutamate, NMDA receptors and chronic pain(: handout)?$/)
    const text = fold(pageTexts(join(dist, pdf)).join(' '))
    expect(text, pdf).toContain('Dr Ada Example')
    expect(text, pdf).toContain('Mendell LM')
    for (const key of onlyInRemoved) {
      const ref = before.references.find(x => x.key === key)!
      expect(text, `${pdf} still lists ${key}`).not.toContain(fold(ref.text).slice(0, 60))
    }
  }

  // The site shows the new title on its first slide.
  const { serveStatic } = await import('../../lib/staticServer')
  const server = await serveStatic(dist)
  try {
    await page.goto(`${server.url}1`)
    await expect(page.locator('.slidev-page-1')).toContainText('Glutamate, NMDA receptors and chronic pain')
    await expect(page.locator('.slidev-page-1')).toContainText('Dr Ada Example')
  }
  finally {
    await server.close()
  }
})

test('a fork with a mistyped headmatter key and an unknown citation gets clear errors and no dist/', () => {
  const dir = copyProject()
  const entry = join(dir, 'slides.md')
  writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^affiliation: /m, 'afiliation: '))
  const section = join(dir, 'slides/03-visceral-pain.md')
  writeFileSync(section, readFileSync(section, 'utf8').replace('[@petrenko2003]', '[@petrenko2030]'))
  const r = runScript(dir, 'build.ts')
  expect(r.code).toBe(1)
  expect(r.stderr).toMatch(/slides\.md:\d+:1: unknown headmatter key 'afiliation'\. Did you mean 'affiliation'/)
  expect(r.output).toMatch(/slides\/03-visceral-pain\.md:\d+:\d+: .*'petrenko2030'.*petrenko2003/)
  expect(existsSync(join(dir, 'dist'))).toBe(false)
})
