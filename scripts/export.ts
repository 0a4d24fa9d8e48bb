// npm run export [-- --with-clicks]: only the slides PDF, for a lecturer who changed a slide.
// Builds the site into a scratch folder, prints it, and writes one file into dist/.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { buildSite, slidesPdf } from '../lib/pipeline'
import { checkDeck } from './_check'
import { flag, main, option, step } from './_cli'

const root = resolve('.')
const scratch = join(root, '.tmp', `export-${process.pid}`)
const withClicks = flag('with-clicks')
const out = resolve(option('out') ?? join('dist', withClicks ? 'slides-with-clicks.pdf' : 'slides.pdf'))

await main(async () => {
  // A citation that does not resolve is reported by the checks below, with everything else
  // that is wrong: reading the deck runs no preparser, so nothing stops at the first one.
  const deck = await step('read the deck', () => loadDeck(option('deck') ?? 'slides.md'))
  await step('check components and references', () => checkDeck(deck))
  const browser = findBrowser()
  await mkdir(scratch, { recursive: true })
  await step('build the site', () => buildSite(deck, join(scratch, 'site')))
  const pdf = await step(withClicks ? 'print one page per click' : 'print one page per slide', () => slidesPdf(deck, join(scratch, 'site'), { browserPath: browser.path, withClicks }))
  // Written beside and renamed: a reader never sees half a PDF.
  await mkdir(resolve(out, '..'), { recursive: true })
  await writeFile(`${out}.partial`, pdf.bytes)
  await rename(`${out}.partial`, out)
  await rm(scratch, { recursive: true, force: true })
  console.log(`\nWrote ${out} (${pdf.pages} pages)`)
}, () => rm(scratch, { recursive: true, force: true }))
