// npm run build: check the deck, build the static site, print the slides PDF, then put it
// all in dist/ in one move, so a failure never leaves a half-written dist/.
import { existsSync } from 'node:fs'
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { handoutPdf } from '../lib/handoutPdf'
import { buildSite, slidesPdf } from '../lib/pipeline'
import { checkDeck } from './_check'
import { main, option, step } from './_cli'

const root = resolve('.')
// `--out` builds elsewhere (a second talk, a test) without touching dist/.
const dist = resolve(option('out') ?? 'dist')
const staging = join(root, '.tmp', `build-${process.pid}`)
const rel = (file: string) => relative(root, join(dist, file))
const base = option('base') ?? process.env.DECK_BASE ?? '/'

await main(async () => {
  const t0 = Date.now()
  console.log('Building the deck')
  // A citation that does not resolve is reported by the checks below, with everything else
  // that is wrong: reading the deck runs no preparser, so nothing stops at the first one.
  const deck = await step('read the deck', () => loadDeck(option('deck') ?? 'slides.md'))
  await step('check components and references', () => checkDeck(deck))
  const browser = findBrowser()
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  await step('build the site', () => buildSite(deck, staging, base, ['slides.pdf', 'handout.pdf']))
  const slides = await step('print the slides PDF', () => slidesPdf(deck, staging, { browserPath: browser.path, base }))
  await writeFile(join(staging, 'slides.pdf'), slides.bytes)
  const handout = await step('print the handout', () => handoutPdf(deck, staging, { browserPath: browser.path, base }))
  await writeFile(join(staging, 'handout.pdf'), handout.bytes)
  await rm(dist, { recursive: true, force: true })
  // One move, so dist/ is never half-written; across file systems (--out /tmp/...) a copy.
  await rename(staging, dist).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EXDEV')
      throw e
    await cp(staging, dist, { recursive: true })
    await rm(staging, { recursive: true, force: true })
  })
  console.log(`\nBuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s:\n  ${rel('index.html')}    the site (npm run preview)\n  ${rel('slides.pdf')}    ${slides.pages} pages\n  ${rel('handout.pdf')}   ${handout.pages} pages`)
}, async () => {
  if (existsSync(staging))
    await rm(staging, { recursive: true, force: true })
  console.error(`${relative(root, dist) || '.'}/ was left as it was.`)
})
