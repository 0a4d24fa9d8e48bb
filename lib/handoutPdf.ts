/**
 * The handout PDF: Chromium prints the deck's own /handout page (pages/handout.vue), which
 * lays the rendered slides out beside their notes and says when it is done. This side only
 * opens it, turns what the page reports into messages that name files and lines, prints
 * it, and adds metadata and bookmarks.
 */
import type { BrowserContext } from 'playwright-chromium'
import type { Deck } from './deck'
import type { HandoutOptions } from './handout'
import type { OutlineItem } from './outline'
import { relative } from 'node:path'
import * as pdfLib from 'pdf-lib'
import { paperPx } from './handout'
import { paperForPdf } from './handout/paper'
import { finishPdf, talkPdfInfo } from './pdfMeta'
import { BuildError, describeSlide } from './pipeline'
import { ExportError, NO_MARGIN, openPrintRoute } from './printDeck'

export interface PrintedPdf {
  bytes: Uint8Array
  pages: number
  outline: OutlineItem[]
}

interface HandoutState {
  state: string
  pages: number
  slides: number
  outline?: string
  kind?: string
  error?: string
  errorSlides: number[]
}

/** Prints `${siteUrl}handout` with a running browser. */
export async function handoutPdf(deck: Deck, context: BrowserContext, siteUrl: string, options: HandoutOptions, timeoutMs = 90_000): Promise<PrintedPdf> {
  // One sheet high (see printDeck): the page lays itself out whatever the viewport.
  const viewport = {
    width: Math.ceil(paperPx(options.paper).width),
    height: Math.ceil(paperPx(options.paper).height),
  }
  const { page, errors } = await openPrintRoute(context, `${siteUrl}handout?print&paper=${options.paper.name}&perPage=${options.perPage}`, timeoutMs, viewport)
  try {
    const done = await page.waitForFunction(() => {
      const root = document.querySelector<HTMLElement>('#handout')
      return root && root.dataset.state !== 'loading'
    }, undefined, { timeout: timeoutMs }).then(() => true, () => false)
    if (errors.length)
      throw new ExportError(`the deck reported errors while printing the handout:\n  ${errors.join('\n  ')}\nFix the slide (or the component it uses) and build again.`)
    if (!done)
      throw new ExportError(`timed out after ${timeoutMs} ms waiting for the handout page (/handout) to lay itself out.`)
    const s: HandoutState = await page.locator('#handout').evaluate((el: HTMLElement) => ({
      state: el.dataset.state!,
      pages: Number(el.dataset.pages ?? 0),
      slides: Number(el.dataset.slides ?? 0),
      outline: el.dataset.outline,
      kind: el.dataset.errorKind,
      error: el.dataset.error,
      errorSlides: (el.dataset.errorSlides ?? '').split(' ').filter(Boolean).map(Number),
    }))
    if (s.state === 'error')
      throw handoutError(deck, s)
    if (s.slides !== deck.slides.length)
      throw new BuildError(`the built site has ${s.slides} slides, but ${relative(deck.root, deck.entry)} makes ${deck.slides.length}: the site was built from another version of the deck. Rebuild it (npm run build) or pass the right --site.`)
    const raw = await page.pdf({
      ...paperForPdf(options.paper),
      margin: NO_MARGIN,
      printBackground: true,
      preferCSSPageSize: false,
      tagged: true,
    })
    const printed = (await pdfLib.PDFDocument.load(raw)).getPageCount()
    if (printed !== s.pages)
      throw new ExportError(`the handout printed on ${printed} pages, but was laid out on ${s.pages}: a page overflowed in print. This is a bug in pages/handout.vue; please report it with the deck.`)
    const planned = JSON.parse(s.outline ?? '[]') as OutlineItem[]
    // The cover lists the same parts with their pages: its bookmark opens the list.
    const outline = planned.length
      ? [
          { title: 'Contents', page: 1, children: [] },
          ...planned,
        ]
      : planned
    const bytes = await finishPdf(raw, talkPdfInfo(deck.headmatter, deck.slides[0]?.title, ' (handout)'), outline)
    return { bytes, pages: printed, outline }
  }
  finally {
    await page.close()
  }
}

/** What the page reported, with the slides named by file and line. */
function handoutError(deck: Deck, s: HandoutState): Error {
  const slides = s.errorSlides.map(no => `\n  ${describeSlide(deck, no)}`).join('')
  switch (s.kind) {
    case 'options':
      return new BuildError(s.error!)
    case 'oversize':
      return new BuildError(`${s.error}:${slides}\nShorten the notes, or move part of them to the next slide.`)
    case 'logo':
      return new BuildError(`${relative(deck.root, deck.entry)}: logo: ${String(deck.headmatter.logo)}: ${s.error} in the built site. Save it again as SVG or PNG.`)
    case 'render':
      return new ExportError(`${s.error}:${slides}\nFix the slide (or the component it uses) and build again.`)
    default:
      return new ExportError(`the handout page failed: ${s.error}${slides}`)
  }
}
