/**
 * The handout PDF, printed by Chromium from the built site: Slidev's /print route renders
 * every slide as live DOM; lib/handout/pageScript.ts moves those slides into handout rows
 * beside their notes, so slides stay vector text and shapes, never screenshots.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { Deck } from './deck'
import type { HandoutContent, HandoutGeometry, HandoutLayoutRecord, HandoutOptions, HandoutPlan, MeasuredHandout } from './handout'
import type { OutlineItem } from './outline'
import { relative } from 'node:path'
import * as pdfLib from 'pdf-lib'
import { EVIDENCE_LEGEND } from '../addons/citations/lib'
import { buildHandoutContent, DEFAULT_HANDOUT_OPTIONS, expectedSiteSlides, HandoutContentError, handoutCss, handoutGeometry, layoutRecord, paperForPdf, planHandout, sourcesHtml } from './handout'
import { HANDOUT_PAGE_SCRIPT } from './handout/pageScript'
import { finishPdf } from './pdfMeta'
import { BuildError, canvasSize, describeSlide } from './pipeline'
import { ExportError, launchBrowser, openPrintRoute, waitForSlides } from './printDeck'
import { serveStatic } from './staticServer'
import { logoAlt, logoUrl } from './talkConfig'

const REFERENCES_INTRO = `Numbered in order of first citation, as on the slides (Vancouver style). ${EVIDENCE_LEGEND}.`

export interface HandoutPdfOptions extends Partial<HandoutOptions> {
  browserPath: string
  /** The base path the site was built for (`--base`). */
  base?: string
  /** Reuse a running browser (the build prints the slides PDF with it first). */
  browser?: Browser
  timeoutMs?: number
}

export interface HandoutPdf {
  bytes: Uint8Array
  pages: number
  outline: OutlineItem[]
  layout: HandoutLayoutRecord
}

/** Name of the PDF Info entry holding the layout record (JSON). */
export const LAYOUT_INFO_KEY = 'HandoutLayout'

export async function handoutPdf(deck: Deck, siteDir: string, opts: HandoutPdfOptions): Promise<HandoutPdf> {
  const options: HandoutOptions = { paper: opts.paper ?? DEFAULT_HANDOUT_OPTIONS.paper, perPage: opts.perPage ?? DEFAULT_HANDOUT_OPTIONS.perPage }
  const cited = deck.cited
  const canvas = canvasSize(deck.headmatter)
  const geometry = handoutGeometry(options, canvas)
  // How many slides the site must have: the references marker becomes several slides.
  const expected = expectedSiteSlides(cited)
  // The deck's slides are numbered as built (lib/deck.ts), so they name site slides directly.
  const describe = (siteNo: number) => describeSlide(deck, siteNo)
  const server = await serveStatic(siteDir, 0, '127.0.0.1', opts.base ?? '/')
  const own = !opts.browser
  const browser = opts.browser ?? await launchBrowser(opts.browserPath)
  const timeout = opts.timeoutMs ?? 60_000
  try {
    const context = await browser.newContext({
      viewport: { width: canvas.width, height: canvas.height * Math.max(1, expected) },
      reducedMotion: 'reduce',
    })
    try {
      const { page, errors } = await openPrintRoute(context, `${server.url}print?print=true`, timeout)
      const siteCount = await waitForSlides(page, expected, describe, timeout)
      if (errors.length)
        throw new ExportError(`the deck reported errors while printing the handout:\n  ${errors.join('\n  ')}`)
      let content: HandoutContent
      try {
        content = buildHandoutContent(cited, siteCount, siteDir)
      }
      catch (e) {
        throw e instanceof HandoutContentError
          ? new BuildError(e.message)
          : e
      }
      // The site serves public/ at its base, and this server serves the site at that base.
      const logo = logoUrl(deck.headmatter.logo, opts.base ?? '/')
      const plan = await layOut(page, content, geometry, options, deck, describe, logo)
      await page.evaluate(() => document.fonts.ready)
      if (logo && !await page.evaluate(() => document.querySelector<HTMLImageElement>('#handout-root .cover-logo')!.decode().then(() => true, () => false))) {
        // The checks found the file; a browser that cannot draw it means it is no image.
        throw new BuildError(`${relative(deck.root, deck.entry)}: logo: ${String(deck.headmatter.logo)} does not open as an image in the built site (${logo}). Save it again as SVG or PNG.`)
      }
      const raw = await page.pdf({
        ...paperForPdf(options.paper),
        margin: {
          top: '0',
          right: '0',
          bottom: '0',
          left: '0',
        },
        printBackground: true,
        preferCSSPageSize: false,
        tagged: true,
      })
      const printed = await pdfLib.PDFDocument.load(raw)
      if (printed.getPageCount() !== plan.pages.length)
        throw new ExportError(`the handout printed on ${printed.getPageCount()} pages, but was laid out on ${plan.pages.length}: a page overflowed in print. This is a bug in lib/handout; please report it with the deck.`)
      const h = deck.headmatter
      const finished = await finishPdf(raw, {
        title: `${String(h.title ?? content.cover.title)}: handout`,
        author: [h.author, h.affiliation].filter(Boolean).join(', ') || undefined,
        subject: h.subtitle
          ? String(h.subtitle)
          : undefined,
        keywords: Array.isArray(h.keywords)
          ? h.keywords
          : undefined,
      }, plan.outline)
      const layout = layoutRecord(plan, content, options)
      const bytes = await withLayoutRecord(finished, layout)
      return {
        bytes,
        pages: plan.pages.length,
        outline: plan.outline,
        layout,
      }
    }
    finally {
      await context.close()
    }
  }
  finally {
    if (own)
      await browser.close()
    await server.close()
  }
}

/** Measures the rows in the page, packs them in Node (lib/handout/pack.ts), builds the pages. */
async function layOut(page: Page, content: HandoutContent, g: HandoutGeometry, options: HandoutOptions, deck: Deck, describe: (no: number) => string, logo?: string): Promise<HandoutPlan> {
  await page.addScriptTag({ content: HANDOUT_PAGE_SCRIPT })
  const setup = await page.evaluate(p => (window as any).__handout.setup(p) as { missing: number[], stale: number[] }, {
    css: handoutCss(g, options.paper),
    rows: content.rows.map(r => ({
      no: r.no,
      title: r.title,
      titleText: r.titleText,
      notesHtml: r.notesHtml,
      sourcesHtml: sourcesHtml(r.sources),
    })),
    references: content.references.map(r => ({ key: r.key, number: r.number, html: r.html })),
    referencesTitle: 'References',
    referencesIntro: REFERENCES_INTRO,
  })
  if (setup.stale.length)
    throw new BuildError(`the built site does not show these slides where the deck has them:\n  ${setup.stale.map(describe).join('\n  ')}\nThe site was built from another version of the deck: rebuild it (npm run build) or pass the right --site.`)
  if (setup.missing.length)
    throw new ExportError(`these slides are missing from the printed deck:\n  ${setup.missing.map(describe).join('\n  ')}`)
  await page.evaluate(() => document.fonts.ready)
  let measured = await page.evaluate(() => (window as any).__handout.measure() as MeasuredHandout)
  let plan = planHandout(content, g, options, measured)
  if (plan.oversize.length) {
    // Very long notes get smaller type before anything is cut.
    measured = await page.evaluate(i => (window as any).__handout.compact(i) as MeasuredHandout, plan.oversize)
    plan = planHandout(content, g, options, measured)
    if (plan.oversize.length) {
      throw new BuildError(`the speaker notes of these slides do not fit on one handout page even in small type:\n  ${plan.oversize.map(i => describe(content.rows[i]!.no)).join('\n  ')}\nShorten the notes, or move part of them to the next slide.`)
    }
  }
  const h = deck.headmatter
  const contents = plan.outline.map(o => ({ title: o.title, page: o.page }))
  const overflow = await page.evaluate(p => (window as any).__handout.build(p) as { page: number, over: number }[], {
    pages: plan.pages,
    reserve: g.minRules * g.ruleGap,
    ruleGap: g.ruleGap,
    runningTitle: content.cover.title,
    runningFoot: [content.cover.presenter, content.cover.event, content.cover.date].filter(Boolean).join(' · '),
    cover: {
      ...content.cover,
      kind: 'Lecture handout',
      ...(logo
        ? {
            logo: {
              src: logo,
              alt: logoAlt(h),
            },
          }
        : {}),
      contents,
      about: [
        'Each slide is printed beside what the speaker says about it, with ruled lines for your own notes.',
        'Superscript numbers are the sources, as on the slides; the full references (Vancouver style, with DOI and PubMed identifiers) are at the end.',
        h.author || h.affiliation
          ? `Prepared by ${[h.author, h.affiliation].filter(Boolean).join(', ')}.`
          : '',
      ].filter(Boolean),
    },
  })
  if (overflow.length) {
    throw new ExportError(`handout pages overflow their box (content measured differently when placed):\n  ${overflow.map(o => `page ${o.page} by ${o.over.toFixed(0)} px`).join('\n  ')}\nThis is a bug in lib/handout; please report it with the deck.`)
  }
  return plan
}

/** Stores the layout (which slides on which page) in the PDF's Info dictionary. */
async function withLayoutRecord(bytes: Uint8Array, layout: HandoutLayoutRecord): Promise<Uint8Array> {
  const pdf = await pdfLib.PDFDocument.load(bytes)
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, pdfLib.PDFDict)
  info.set(pdfLib.PDFName.of(LAYOUT_INFO_KEY), pdfLib.PDFHexString.fromText(JSON.stringify(layout)))
  return pdf.save()
}

/** Reads the layout record back from a handout PDF (tests, tools). */
export async function readLayoutRecord(bytes: Uint8Array): Promise<HandoutLayoutRecord | undefined> {
  const pdf = await pdfLib.PDFDocument.load(bytes, { updateMetadata: false })
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, pdfLib.PDFDict)
  const value = info.lookup(pdfLib.PDFName.of(LAYOUT_INFO_KEY))
  if (value instanceof pdfLib.PDFHexString || value instanceof pdfLib.PDFString)
    return JSON.parse(value.decodeText()) as HandoutLayoutRecord
  return undefined
}
