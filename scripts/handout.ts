// npm run handout [-- --paper a4|letter --per-page 2|3 --out file.pdf --site built-site-dir]:
// the handout PDF (cover, slides beside their notes, references), printed from the deck's
// /handout page. Prints --site, or dist/ when it is current, else builds the site first.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { loadDeck } from '../lib/deck'
import { HandoutOptionError, parseHandoutOptions } from '../lib/handout'
import { BuildError, printPdfs } from '../lib/pipeline'
import { cli, main, step } from './_cli'
import { basePath, printReminders, readCheckedDeck, removeIfThere, root, siteFor, writePdf } from './_pipeline'

const { values } = cli('npm run handout -- [--paper a4|letter] [--per-page 2|3] [--out dist/handout.pdf] [--site built-site-dir] [--base /sub/path/] [--deck slides.md]', {
  'paper': { type: 'string' },
  'per-page': { type: 'string' },
  'out': { type: 'string' },
  'site': { type: 'string' },
  'base': { type: 'string' },
  'deck': { type: 'string' },
}, undefined, false, {
  'paper': 'a4 (default) or letter',
  'per-page': 'slides a page: 3 (default) or 2',
  'out': 'the PDF to write (default dist/handout.pdf)',
  'site': 'the built site to print (default dist/ when it was built from the current files, else a fresh build)',
  'base': 'the address path the site is served under (default /)',
  'deck': 'the entry file (default slides.md; short.md for the 20-minute talk)',
})
const scratch = join(root, '.tmp', `handout-${process.pid}`)
const out = resolve(values.out ?? join('dist', 'handout.pdf'))
const base = basePath(values.base)

await main(async () => {
  let options
  try {
    options = parseHandoutOptions({ paper: values.paper, perPage: values['per-page'] })
  }
  catch (e) {
    throw e instanceof HandoutOptionError
      ? new BuildError(e.message)
      : e
  }
  let site: string
  let deck
  if (values.site) {
    site = resolve(values.site)
    if (!existsSync(join(site, 'index.html')))
      throw new BuildError(`--site ${values.site}: no built deck there (no index.html). Build one with npm run build, or leave out --site.`)
    // A given site was checked when it was built; the page checks it is this deck.
    deck = await step('read the deck', () => loadDeck(values.deck ?? 'slides.md'))
  }
  else {
    deck = await readCheckedDeck(values.deck)
    site = await siteFor(deck, base, scratch)
  }
  const browser = findBrowser()
  const { handout } = await printPdfs(deck, site, browser.path, base, { handout: options, step })
  await writePdf(out, handout!.bytes, deck)
  await removeIfThere(scratch)
  console.log(`\nWrote ${out} (${handout!.pages} pages)`)
  printReminders(deck)
}, () => removeIfThere(scratch, `${out}.partial`))
