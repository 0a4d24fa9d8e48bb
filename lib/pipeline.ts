import type { Buffer } from 'node:buffer'
import type { Browser, BrowserContext } from 'playwright-chromium'
import type { Deck } from './deck'
import type { HandoutOptions } from './handout'
import type { PrintedPdf } from './handoutPdf'
import type { PrintedDeck } from './printDeck'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { handoutPdf } from './handoutPdf'
import { deckOutline } from './outline'
import { finishPdf, talkPdfInfo } from './pdfMeta'
import { launchBrowser, printDeck } from './printDeck'
import { timed } from './sectionTimer'
import { serveStatic } from './staticServer'

/** A step failed in a way the user must act on; the message is already written for them. */
export class BuildError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BuildError'
  }
}

export function slidevBin(root: string): string {
  const require = createRequire(join(root, 'package.json'))
  return join(dirname(require.resolve('@slidev/cli/package.json')), 'bin/slidev.mjs')
}

/**
 * Runs `slidev build` into `outDir`; Slidev's own output is shown only when it fails.
 * `pdfs`: the PDFs the caller will write beside the site afterwards; the offline cache lists
 * them (vite.config.ts, DECK_PDFS), so they download in a lecture hall without a network.
 */
export async function buildSite(deck: Deck, outDir: string, base = '/', pdfs: string[] = []): Promise<void> {
  const args = [
    slidevBin(deck.root),
    'build',
    deck.entry,
    '--out',
    outDir,
    '--base',
    base,
  ]
  const { code, output } = await run(process.execPath, args, deck.root, {
    DECK_PDFS: pdfs.join(' '),
  })
  if (code !== 0)
    throw new BuildError(`slidev build failed (exit ${code}):\n${output.trim().split('\n').slice(-25).join('\n')}`)
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number, output: string }> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, {
      cwd,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        ...env,
      },
    })
    let output = ''
    const collect = (d: Buffer) => {
      output += d
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('close', code => ok({ code: code ?? 1, output }))
  })
}

export function canvasSize(headmatter: Record<string, any>): { width: number, height: number } {
  const width = Number(headmatter.canvasWidth ?? 980)
  const ratio = parseRatio(headmatter.aspectRatio ?? '16/9')
  return {
    width,
    // Rounded up, as Slidev rounds its canvas (@slidev/client env.ts slideHeight).
    height: Math.ceil(width / ratio),
  }
}

function parseRatio(r: string | number): number {
  if (typeof r === 'number')
    return r
  const [a, b] = String(r).split(/[/:x]/).map(Number)
  return b
    ? a! / b
    : a!
}

export function describeSlide(deck: Deck, no: number): string {
  const s = deck.slides[no - 1]
  return s
    ? `${s.file}:${s.line}: slide ${no} "${s.title}"`
    : `slide ${no}`
}

/** Letters only, lower case: "Mg<sup>2+</sup> block" and "Mg²⁺ block" and "Mg2+ block" agree. */
function letters(text: string): string {
  return text.toLowerCase().replace(/<[^>]*>/g, '').replace(/[^a-z]/g, '')
}

/**
 * The printed slides must be this deck, not a site built from another version of it (an
 * old dist/ reused by export, a wrong --site): as many pages as the deck has slides, the
 * first and last showing the deck's first and last titles.
 */
function checkIsDeck(deck: Deck, printed: PrintedDeck, withClicks: boolean): void {
  const want = deck.slides.length
  const countOk = withClicks
    ? printed.firstPage.size === want
    : printed.pageCount === want
  const first = deck.slides[0]!
  const last = deck.slides.at(-1)!
  const problems = [
    ...(countOk
      ? []
      : [`it printed ${withClicks ? printed.firstPage.size : printed.pageCount} slides where the deck has ${want}`]),
    ...(letters(printed.firstText).includes(letters(first.title))
      ? []
      : [`its first slide does not show "${first.title}" (${first.file}:${first.line})`]),
    ...(letters(printed.lastText).includes(letters(last.title))
      ? []
      : [`its last slide does not show "${last.title}" (${last.file}:${last.line})`]),
  ]
  if (problems.length)
    throw new BuildError(`the built site is not this version of the deck: ${problems.join('; ')}.\nRebuild it (npm run build).`)
}

export interface PrintJobs {
  /** The slides PDF; `withClicks`: one page per click step. */
  slides?: { withClicks?: boolean }
  /** The handout PDF, on this paper and slides a page. */
  handout?: HandoutOptions
  /** Called as each PDF starts printing (a step line for the lecturer). */
  step?: <T>(name: string, fn: () => Promise<T>) => Promise<T>
}

/**
 * Prints the PDFs of a built site with one static server and one browser, so the build
 * starts Chromium once for both. Each PDF gets its metadata and bookmarks.
 */
export async function printPdfs(deck: Deck, siteDir: string, browserPath: string, base: string, jobs: PrintJobs): Promise<{ slides?: PrintedPdf, handout?: PrintedPdf }> {
  const step = jobs.step ?? (<T>(_: string, fn: () => Promise<T>) => fn())
  const server = await serveStatic(siteDir, 0, '127.0.0.1', base)
  let browser: Browser | undefined
  try {
    browser = await launchBrowser(browserPath)
    // No service worker: the offline cache is for the lecturer's browser. In the printing one it
    // would download the whole site beside the print and take over the page's requests halfway,
    // a moving part the PDFs do not need.
    const context = await browser.newContext({ reducedMotion: 'reduce', serviceWorkers: 'block' })
    const out: { slides?: PrintedPdf, handout?: PrintedPdf } = {}
    if (jobs.slides) {
      const withClicks = !!jobs.slides.withClicks
      out.slides = await step(withClicks ? 'print one page per click' : 'print the slides PDF', () => slidesPdf(deck, context, server.url, withClicks))
    }
    if (jobs.handout) {
      const o = jobs.handout
      out.handout = await step(`print the handout (${o.paper.label}, ${o.perPage} slides a page)`, () => handoutPdf(deck, context, server.url, o))
    }
    return out
  }
  finally {
    await browser?.close()
    await server.close()
  }
}

/** The slides PDF, printed from the site at `siteUrl`, checked to be this deck, with metadata and bookmarks. */
async function slidesPdf(deck: Deck, context: BrowserContext, siteUrl: string, withClicks: boolean): Promise<PrintedPdf> {
  const printed = await printDeck({
    siteUrl,
    withClicks,
    ...canvasSize(deck.headmatter),
    slideCount: deck.slides.length,
    describeSlide: no => describeSlide(deck, no),
  }, context)
  checkIsDeck(deck, printed, withClicks)
  const outline = deckOutline(timed(deck.slides), no => printed.firstPage.get(no) ?? no)
  const bytes = await finishPdf(printed.pdf, talkPdfInfo(deck.headmatter, deck.slides[0]?.title), outline)
  return { bytes, pages: printed.pageCount, outline }
}
