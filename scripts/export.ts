// npm run export [-- --with-clicks]: only the slides PDF, for a lecturer who changed a slide.
// Prints dist/ when it is current (built from exactly these inputs), else builds the site
// into a scratch folder first; checks the PDF is this deck; writes one file into dist/.
import { join, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { printPdfs } from '../lib/pipeline'
import { cli, main, step } from './_cli'
import { basePath, printReminders, readCheckedDeck, removeIfThere, root, siteFor, writePdf } from './_pipeline'

const { values } = cli('npm run export -- [--with-clicks] [--out dist/slides.pdf] [--base /sub/path/] [--deck slides.md]', {
  'with-clicks': { type: 'boolean' },
  'out': { type: 'string' },
  'base': { type: 'string' },
  'deck': { type: 'string' },
}, undefined, false, {
  'with-clicks': 'one page per click step, each diagram step as itself (written to dist/slides-with-clicks.pdf)',
  'out': 'the PDF to write (default dist/slides.pdf)',
  'base': 'the address path the site is served under (default /)',
  'deck': 'the entry file (default slides.md; short.md for the 20-minute talk)',
})
const scratch = join(root, '.tmp', `export-${process.pid}`)
const withClicks = !!values['with-clicks']
const out = resolve(values.out ?? join('dist', withClicks ? 'slides-with-clicks.pdf' : 'slides.pdf'))
const base = basePath(values.base)

await main(async () => {
  const deck = await readCheckedDeck(values.deck)
  const browser = findBrowser()
  const site = await siteFor(deck, base, scratch)
  const { slides } = await printPdfs(deck, site, browser.path, base, {
    slides: { withClicks },
    step,
  })
  await writePdf(out, slides!.bytes, deck)
  await removeIfThere(scratch)
  console.log(`\nWrote ${out} (${slides!.pages} pages)`)
  printReminders(deck)
}, () => removeIfThere(scratch, `${out}.partial`))
