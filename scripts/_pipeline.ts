/**
 * The steps `npm run build`, `npm run export` and `npm run handout` share, so that the three
 * cannot drift: read and check the deck, find (or build) a site for it, print from it with
 * one browser, write files so that nobody ever sees half of one.
 */
import type { Deck } from '../lib/deck'
import { existsSync } from 'node:fs'
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { inputsRecord, isCurrent, recordPdfEntry } from '../lib/buildInputs'
import { loadDeck } from '../lib/deck'
import { deckReminders, remindersText } from '../lib/deckCheck'
import { buildSite } from '../lib/pipeline'
import { checkDeck } from './_check'
import { step } from './_cli'

export const root = resolve('.')

/** `--base`, else DECK_BASE (CI for GitHub Pages), else the host's root. */
export function basePath(option: string | undefined): string {
  return option ?? process.env.DECK_BASE ?? '/'
}

/**
 * The deck, read (no preparser runs, so a citation that does not resolve is reported by the
 * checks with everything else that is wrong) and checked: nothing is built from a deck with
 * problems.
 */
export async function readCheckedDeck(entry = 'slides.md'): Promise<Deck> {
  const deck = await step('read the deck', () => loadDeck(entry))
  await step('check components and references', () => checkDeck(deck))
  return deck
}

/** Last in a build's or an export's output, where it is read: what the template left to change. */
export function printReminders(deck: Deck): void {
  const text = remindersText(deckReminders(deck))
  if (text)
    console.log(`\n${text}`)
}

/** The inputs record of this deck for this base (lib/buildInputs.ts). */
export function recordOf(deck: Deck, base: string) {
  return inputsRecord(deck.root, base, deck.slides.map(s => s.file), deck.entry)
}

/**
 * A built site of this deck: dist/ when it was built from exactly these inputs for this
 * base, otherwise a fresh build into `scratch`.
 */
export async function siteFor(deck: Deck, base: string, scratch: string, dist = join(root, 'dist')): Promise<string> {
  if (isCurrent(dist, recordOf(deck, base))) {
    console.log(`  ✓ dist/ is current (built from these inputs for base ${base}): printing from it`)
    return dist
  }
  const site = join(scratch, 'site')
  await mkdir(scratch, { recursive: true })
  await step('build the site', () => buildSite(deck, site, base))
  return site
}

/**
 * Writes a printed PDF whole; into dist/, it also records which entry file it was printed from,
 * which the dev server's links read (lib/buildInputs.ts pdfEntry).
 */
export async function writePdf(path: string, bytes: Uint8Array, deck: Deck): Promise<void> {
  await writeWhole(path, bytes)
  if (dirname(path) === join(root, 'dist'))
    recordPdfEntry(dirname(path), basename(path), relative(deck.root, deck.entry).replaceAll('\\', '/'))
}

/** Written beside and renamed: a reader never sees half a file. */
export async function writeWhole(path: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(`${path}.partial`, bytes)
  await rename(`${path}.partial`, path)
}

/** Replaces `dir` by `staging` in one move; across file systems (--out /tmp/...) a copy. */
export async function replaceDir(staging: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await rename(staging, dir).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EXDEV')
      throw e
    await cp(staging, dir, { recursive: true })
    await rm(staging, { recursive: true, force: true })
  })
}

export async function removeIfThere(...paths: string[]): Promise<void> {
  for (const p of paths) {
    if (existsSync(p))
      await rm(p, { recursive: true, force: true })
  }
}
