import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { checkCitations, loadCitedDeck } from '../../addons/citations/lib'
import { slidevBin } from '../../lib/pipeline'
import { serveStatic } from '../../lib/staticServer'
import { projectRoot } from '../support/project'
import { expect, test } from './fixtures'

/**
 * Another Slidev deck takes the citations addon as the addon's README says: it copies
 * addons/citations/ beside its slides.md and adds one `addons:` line. The fixture deck has
 * nothing else of this project (no components, no setup, no scripts); stock `slidev build`
 * builds it.
 */
function foreignDeck(): string {
  const dir = mkdtempSync(join(tmpdir(), 'addon-deck-'))
  cpSync(join(projectRoot, 'tests/fixtures/addon-deck'), dir, { recursive: true })
  cpSync(join(projectRoot, 'addons/citations'), join(dir, 'addons/citations'), { recursive: true })
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'))
  return dir
}

function slidevBuild(dir: string) {
  return spawnSync(process.execPath, [
    slidevBin(projectRoot),
    'build',
    'slides.md',
    '--out',
    'dist',
  ], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    timeout: 300_000,
  })
}

test('a deck that copies the addon folder and adds one headmatter line renders its citations', async ({ page }) => {
  test.setTimeout(300_000)
  const dir = foreignDeck()
  const r = slidevBuild(dir)
  expect(r.status, r.stdout + r.stderr).toBe(0)
  const server = await serveStatic(join(dir, 'dist'))
  try {
    await page.goto(`${server.url}1`)
    const first = page.locator('.slidev-page-1')
    await expect(first.locator('sup.citation[data-cite="petrenko2003"]')).toHaveText('1')
    await expect(first.locator('.slide-sources')).toContainText('Petrenko AB et al.')
    await page.goto(`${server.url}2`)
    await expect(page.locator('.slidev-page-2 sup.citation[data-cite="woolf2011 petrenko2003"]')).toHaveText('1,2')
    await page.goto(`${server.url}3`)
    const items = page.locator('.slidev-page-3 .reference-list li')
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toContainText('Petrenko AB')
    await expect(items.nth(1)).toContainText('Woolf CJ')
  }
  finally {
    await server.close()
  }
})

test('in that deck a key that does not resolve fails the build and the check, naming file:line:col', async () => {
  test.setTimeout(300_000)
  const dir = foreignDeck()
  const slides = join(dir, 'slides.md')
  writeFileSync(slides, readFileSync(slides, 'utf8').replace('matter for persistent pain [@petrenko2003]', 'matter for persistent pain [@petrenko2030]'))
  const r = slidevBuild(dir)
  expect(r.status).not.toBe(0)
  expect(r.stdout + r.stderr).toMatch(/slides\.md:15:\d+: error: citation key 'petrenko2030' \(slide 1\) is not in refs\.bib\. Nearest keys: petrenko2003\./)
  expect(existsSync(join(dir, 'dist/index.html'))).toBe(false)

  // The check, in process, as a build calls it.
  const findings = checkCitations(await loadCitedDeck(slides))
  const missing = findings.filter(f => f.code === 'missing-key')
  expect(missing).toHaveLength(1)
  expect(missing[0]).toMatchObject({
    severity: 'error',
    file: slides,
    line: 15,
    key: 'petrenko2030',
    suggestions: ['petrenko2003'],
  })
})
