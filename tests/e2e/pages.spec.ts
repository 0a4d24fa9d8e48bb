import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { parse } from 'yaml'
import { serveStatic } from '../../lib/staticServer'
import { projectRoot, runScript } from '../support/project'
import { deck, slideNumberOf } from './deck'
import { expectRendered, visitOnceThenLoseServer, watch } from './offline'

// A fork is published by .github/workflows/pages.yml to https://<user>.github.io/<repo>/.
// GitHub cannot run here, so this test runs the workflow's own build command (read from the
// workflow file, the repository name filled in) and serves the result the way Pages does:
// under /<repo>/ only, and for any path it has no file for, 404.html with status 404.
const REPO = 'nmda-talk'

interface Step { run?: string, uses?: string, with?: Record<string, string> }

function workflowSteps(): Step[] {
  const wf = parse(readFileSync(join(projectRoot, '.github/workflows/pages.yml'), 'utf8'))
  return wf.jobs.build.steps as Step[]
}

/** The build step's arguments after `npm run build --`, with the repository name filled in. */
function buildArgs(): string[] {
  const step = workflowSteps().find(s => s.run?.startsWith('npm run build'))
  expect(step, 'the workflow has an `npm run build` step').toBeTruthy()
  const run = step!.run!.replace(/\$\{\{\s*github\.event\.repository\.name\s*\}\}/g, REPO)
  const args = run.replace(/^npm run build\s*(--\s*)?/, '').match(/"[^"]*"|\S+/g) ?? []
  return args.map(a => a.replace(/^"|"$/g, ''))
}

test('the Pages workflow\'s build works under the repository\'s sub-path', async ({ page }) => {
  test.setTimeout(600_000)
  const args = buildArgs()
  expect(args, 'the workflow builds for the sub-path Pages serves').toEqual(['--base', `/${REPO}/`])
  const artifact = workflowSteps().find(s => s.uses?.startsWith('actions/upload-pages-artifact'))
  expect(artifact?.with?.path, 'the workflow publishes what the build writes').toBe('dist')

  const out = join(mkdtempSync(join(tmpdir(), 'nmda-pages-')), 'dist')
  const r = runScript(projectRoot, 'build.ts', [...args, '--out', out])
  expect(r.code, r.output).toBe(0)
  for (const f of [
    'index.html',
    '404.html',
    'slides.pdf',
    'handout.pdf',
  ])
    expect(existsSync(join(out, f)), f).toBe(true)

  const site = await serveStatic(out, 0, '127.0.0.1', `/${REPO}/`, { notFound: '404.html' })
  const failed: string[] = []
  page.on('response', (res) => {
    // The one expected 404 is a deep link's document: Pages answers it with 404.html.
    if (res.status() >= 400 && res.request().resourceType() !== 'document')
      failed.push(`${res.status()} ${res.url()}`)
  })
  try {
    await page.goto(`${site.url}`)
    await expect(page.locator('.slidev-page-1')).toContainText('NMDA receptors and pain')
    // The self-hosted font loads under the sub-path. Polled: the text can show, in the
    // fallback font, a moment before the font file arrives (a busy machine saw that).
    await expect.poll(() => page.evaluate(() => [...document.fonts].some(f => f.family.replace(/"/g, '') === 'Source Sans 3' && f.status === 'loaded')), { timeout: 15_000 }).toBe(true)
    await page.keyboard.press('ArrowDown')
    await expect(page).toHaveURL(`${site.url}2`)

    // A link shared to one slide, opened cold: Pages serves 404.html and the deck routes.
    const mg = await slideNumberOf(/<MgBlockChannel :step/)
    await page.goto(`${site.url}${mg}`)
    await expect(page.locator(`.slidev-page-${mg} svg[role="img"]`).first()).toBeVisible()
    await page.goto(`${site.url}presenter/${mg}`)
    await expect(page.locator('.slidev-presenter')).toBeVisible()

    // The closing slide's download links reach the PDFs under the sub-path.
    const closing = await slideNumberOf(/class="downloads"/)
    await page.goto(`${site.url}${closing}`)
    for (const link of await page.locator(`.slidev-page-${closing} .downloads a`).all()) {
      const href = await link.evaluate(a => (a as HTMLAnchorElement).href)
      expect(href).toMatch(new RegExp(`/${REPO}/(slides|handout)\\.pdf$`))
      const res = await page.request.get(href)
      expect(res.status(), href).toBe(200)
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-')
    }
    expect(failed, 'requests that failed under the sub-path').toEqual([])
  }
  finally {
    await site.close()
  }

  // Hosted under the sub-path, the offline cache is scoped to it and works there too.
  const server = await visitOnceThenLoseServer(page, out, `/${REPO}/`)
  const problems = watch(page)
  await page.reload()
  const d = await deck()
  await expectRendered(page, d.slides[0]!)
  const mg = await slideNumberOf(/<MgBlockChannel :step/)
  await page.goto(`${server.url}${mg}`)
  await expectRendered(page, d.slides[mg - 1]!)
  expect(problems, 'offline under the sub-path').toEqual([])
})
