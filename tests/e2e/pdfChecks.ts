import { expect, test } from '@playwright/test'
import { blankPages, fontCheck } from '../support/pdf'

/**
 * What both printed PDFs (slides and handout) must hold whatever their layout: every font
 * embedded, the self-hosted face rather than a system fallback, and no blank page.
 * Call inside a test.describe.
 */
export function printedPdfChecks(pdf: string): void {
  test('embeds every font it uses', () => {
    const f = fontCheck(pdf)
    expect(f.count).toBeGreaterThan(0)
    expect(f.notEmbedded).toEqual([])
    // The self-hosted face, not a system fallback, is what the browser showed.
    expect(f.selfHosted).toBe(true)
  })

  test('has no blank page', () => {
    expect(blankPages(pdf)).toEqual([])
  })
}
