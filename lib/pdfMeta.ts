import type { OutlineItem } from './outline'
import { outlinePdfFactory } from '@lillallol/outline-pdf'
import * as pdfLib from 'pdf-lib'
import { outlineToText } from './outline'

export interface PdfInfo {
  title: string
  author?: string
  subject?: string
  keywords?: string[]
}

/** The talk's identity from the headmatter, as PDF metadata; `suffix` names a derived document. */
export function talkPdfInfo(headmatter: Record<string, any>, fallbackTitle = 'Slides', suffix = ''): PdfInfo {
  const h = headmatter
  return {
    title: `${String(h.title ?? fallbackTitle)}${suffix}`,
    author: [h.author, h.affiliation].filter(Boolean).join(', ') || undefined,
    subject: h.subtitle
      ? String(h.subtitle)
      : undefined,
    keywords: Array.isArray(h.keywords)
      ? h.keywords
      : undefined,
  }
}

/** Document metadata and bookmarks, so the PDF reads as the talk in any viewer's sidebar. */
export async function finishPdf(bytes: Uint8Array, info: PdfInfo, outline: OutlineItem[]): Promise<Uint8Array> {
  let pdf = await pdfLib.PDFDocument.load(bytes)
  pdf.setTitle(info.title, { showInWindowTitleBar: true })
  if (info.author)
    pdf.setAuthor(info.author)
  if (info.subject)
    pdf.setSubject(info.subject)
  if (info.keywords?.length)
    pdf.setKeywords(info.keywords)
  // The application, as the field means; a fork's PDFs must not name the talk it came from.
  pdf.setCreator('Slidev')
  describeLinks(pdf)
  if (outline.length) {
    const outlinePdf = outlinePdfFactory(pdfLib)
    pdf = await outlinePdf({
      outline: outlineToText(outline),
      pdf,
    }) as pdfLib.PDFDocument
  }
  return pdf.save()
}

/**
 * Gives each web link its address as its description (the annotation's Contents), which
 * Chromium's print leaves out: PDF/UA asks a link for one, and a screen reader that reads a
 * page's annotations says it.
 */
function describeLinks(pdf: pdfLib.PDFDocument): void {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFString } = pdfLib
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict)
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'))
      if (annot.get(PDFName.of('Subtype')) === PDFName.of('Link') && !annot.has(PDFName.of('Contents')) && (uri instanceof PDFString || uri instanceof PDFHexString))
        annot.set(PDFName.of('Contents'), PDFHexString.fromText(uri.decodeText()))
    }
  }
}
