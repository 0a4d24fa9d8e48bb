// npm run handout [-- --paper a4|letter --per-page 2|3 --out file.pdf --site built-site-dir]:
// the handout PDF (cover, slides beside their notes, references). Prints an already built
// site when given --site; otherwise builds the site into a scratch folder first.
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { HandoutOptionError, parseHandoutOptions } from '../lib/handout'
import { handoutPdf } from '../lib/handoutPdf'
import { BuildError, buildSite } from '../lib/pipeline'
import { checkDeck } from './_check'
import { main, option, step } from './_cli'

const root = resolve('.')
const scratch = join(root, '.tmp', `handout-${process.pid}`)
const out = resolve(option('out') ?? join('dist', 'handout.pdf'))
const partial = `${out}.partial`
const site = option('site')
const base = option('base') ?? process.env.DECK_BASE ?? '/'

await main(async () => {
  let options
  try {
    options = parseHandoutOptions({
      paper: option('paper'),
      perPage: option('per-page'),
    })
  }
  catch (e) {
    throw e instanceof HandoutOptionError
      ? new BuildError(e.message)
      : e
  }
  const deck = await step('read the deck', () => loadDeck(option('deck') ?? 'slides.md'))
  let siteDir: string
  if (site) {
    siteDir = resolve(site)
    if (!existsSync(join(siteDir, 'index.html')))
      throw new BuildError(`--site ${site}: no built deck there (no index.html). Build one with npm run build, or leave out --site.`)
  }
  else {
    await step('check components and references', () => checkDeck(deck))
    siteDir = join(scratch, 'site')
    await mkdir(scratch, { recursive: true })
    await step('build the site', () => buildSite(deck, siteDir, base))
  }
  const browser = findBrowser()
  const pdf = await step(`print the handout (${options.paper.label}, ${options.perPage} slides a page)`, () => handoutPdf(deck, siteDir, { ...options, browserPath: browser.path, base }))
  // Written beside and renamed: a reader never sees half a PDF.
  await mkdir(dirname(out), { recursive: true })
  await writeFile(partial, pdf.bytes)
  await rename(partial, out)
  await rm(scratch, { recursive: true, force: true })
  console.log(`\nWrote ${out} (${pdf.pages} pages)`)
}, async () => {
  await rm(partial, { force: true })
  await rm(scratch, { recursive: true, force: true })
})
