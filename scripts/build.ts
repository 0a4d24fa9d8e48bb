// npm run build: check the deck, build the static site, print the slides PDF and the
// handout with one browser, then put it all in dist/ in one move, so a failure never
// leaves a half-written dist/.
import { writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { findBrowser } from '../lib/browser'
import { INPUTS_RECORD, recordPdfEntry } from '../lib/buildInputs'
import { DEFAULT_HANDOUT_OPTIONS } from '../lib/handout'
import { buildSite, printPdfs } from '../lib/pipeline'
import { cli, main, step } from './_cli'
import { basePath, printReminders, readCheckedDeck, recordOf, removeIfThere, replaceDir, root } from './_pipeline'

const { values } = cli('npm run build -- [--out dist] [--base /sub/path/] [--deck slides.md]', {
  out: { type: 'string' },
  base: { type: 'string' },
  deck: { type: 'string' },
}, undefined, false, {
  out: 'the folder to build into (default dist/); a failed build leaves it as it was',
  base: 'the address path the site is served under, e.g. /your-repository/ on GitHub Pages (default /)',
  deck: 'the entry file to build (default slides.md; short.md for the 20-minute talk)',
})
// `--out` builds elsewhere (a second talk, a test) without touching dist/.
const dist = resolve(values.out ?? 'dist')
const staging = join(root, '.tmp', `build-${process.pid}`)
const rel = (file: string) => relative(root, join(dist, file))
const base = basePath(values.base)

await main(async () => {
  const t0 = Date.now()
  console.log('Building the deck')
  const deck = await readCheckedDeck(values.deck)
  const browser = findBrowser()
  // The inputs as they were when the build started: an edit during the build makes the
  // record stale, so the next export rebuilds rather than trusting this site.
  const record = recordOf(deck, base)
  await removeIfThere(staging)
  await step('build the site', () => buildSite(deck, staging, base, ['slides.pdf', 'handout.pdf']))
  const { slides, handout } = await printPdfs(deck, staging, browser.path, base, { slides: {}, handout: DEFAULT_HANDOUT_OPTIONS, step })
  await writeFile(join(staging, 'slides.pdf'), slides!.bytes)
  await writeFile(join(staging, 'handout.pdf'), handout!.bytes)
  for (const pdf of ['slides.pdf', 'handout.pdf'])
    recordPdfEntry(staging, pdf, record.entry)
  await writeFile(join(staging, INPUTS_RECORD), JSON.stringify(record))
  await replaceDir(staging, dist)
  console.log(`\nBuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s:\n  ${rel('index.html')}    the site (npm run preview)\n  ${rel('slides.pdf')}    ${slides!.pages} pages\n  ${rel('handout.pdf')}   ${handout!.pages} pages`)
  printReminders(deck)
}, async () => {
  await removeIfThere(staging)
  console.error(`${relative(root, dist) || '.'}/ was left as it was.`)
})
