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
  pdf.setCreator('nmda-receptors-and-pain (Slidev)')
  if (outline.length) {
    const outlinePdf = outlinePdfFactory(pdfLib)
    pdf = await outlinePdf({
      outline: outlineToText(outline),
      pdf,
    }) as pdfLib.PDFDocument
  }
  return pdf.save()
}
