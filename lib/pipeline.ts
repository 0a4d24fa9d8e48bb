import type { Buffer } from 'node:buffer'
import type { Deck } from './deck'
import type { OutlineItem } from './outline'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { deckOutline } from './outline'
import { finishPdf } from './pdfMeta'
import { printDeck } from './printDeck'
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

/** Runs `slidev build` into `outDir`; Slidev's own output is shown only when it fails. */
/**
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
    height: Math.round(width / ratio),
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

export interface SlidesPdfOptions {
  withClicks?: boolean
  browserPath: string
  base?: string
}

/** The slides PDF, printed from a built site in `siteDir`, with metadata and bookmarks. */
export async function slidesPdf(deck: Deck, siteDir: string, opts: SlidesPdfOptions): Promise<{ bytes: Uint8Array, pages: number, outline: OutlineItem[] }> {
  const server = await serveStatic(siteDir, 0, '127.0.0.1', opts.base ?? '/')
  try {
    const printed = await printDeck({
      siteUrl: server.url,
      browserPath: opts.browserPath,
      withClicks: opts.withClicks,
      ...canvasSize(deck.headmatter),
      slideCount: deck.slides.length,
      describeSlide: no => describeSlide(deck, no),
    })
    const outline = deckOutline(deck.slides, no => printed.firstPage.get(no) ?? no)
    const h = deck.headmatter
    const bytes = await finishPdf(printed.pdf, {
      title: String(h.title ?? deck.slides[0]?.title ?? 'Slides'),
      author: [h.author, h.affiliation].filter(Boolean).join(', ') || undefined,
      subject: h.subtitle
        ? String(h.subtitle)
        : undefined,
      keywords: Array.isArray(h.keywords)
        ? h.keywords
        : undefined,
    }, outline)
    return { bytes, pages: printed.pageCount, outline }
  }
  finally {
    await server.close()
  }
}
