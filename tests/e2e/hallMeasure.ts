import type { Locator, Page } from '@playwright/test'
import type { Ancestor, Box, SlideMeasure, TextSample } from '../../lib/hallChecks'
import { textKind } from '../../lib/hallChecks'

/**
 * Measures the slide on screen for lib/hallChecks.ts: its box, its title's first line, every
 * visible text with its rendered size and kind, the boxes of its content below the title, the
 * layout's content area, and the line boxes of each citation. The page must show slide `no`
 * (or `root`, e.g. the slide on Slidev's print route).
 */
export async function measureSlide(page: Page, no: number, where: string, root: Locator = page.locator(`.slidev-page-${no}`)): Promise<SlideMeasure> {
  const raw = await root.evaluate((root) => {
    const rect = (r: DOMRect) => ({
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
    })
    const slide = root.getBoundingClientRect()
    const scale = slide.width / (root as HTMLElement).offsetWidth
    const layout = root.querySelector<HTMLElement>('.slidev-layout')!
    const divider = ['section', 'cover', 'center'].some(c => layout.classList.contains(c))
    const h1 = layout.querySelector<HTMLElement>(':scope > h1') ?? layout.querySelector<HTMLElement>('h1')
    const visible = (el: Element) => {
      for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0)
          return false
      }
      return true
    }
    let title: { box: ReturnType<typeof rect>, px: number } | undefined
    if (h1) {
      const range = document.createRange()
      range.selectNodeContents(h1)
      const first = range.getClientRects()[0] ?? h1.getBoundingClientRect()
      title = {
        box: rect(first),
        px: Number.parseFloat(getComputedStyle(h1).fontSize) * scale,
      }
    }
    // Not content below the title: the title itself, its kicker, the sources line, the footer.
    const outside = (el: Element) => !!el.closest('.deck-kicker, .slide-sources, .deck-footer') || (!!h1 && h1.contains(el))
    const texts: { ancestry: { tag: string, classes: string[] }[], px: number, text: string }[] = []
    const content: ReturnType<typeof rect>[] = []
    // Each visible text's element and line boxes, for the columns' gutters below.
    const lines: { el: Element, rects: DOMRect[] }[] = []
    const walker = document.createTreeWalker(layout.parentElement ?? root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || !n.textContent?.trim() || !visible(parent) || parent.closest('style, script, title, desc'))
        continue
      const range = document.createRange()
      range.selectNodeContents(n)
      const rects = [
        ...range.getClientRects(),
      ].filter(r => r.width > 0 && r.height > 0)
      if (!rects.length)
        continue
      lines.push({ el: parent, rects })
      const style = getComputedStyle(parent)
      let px = Number.parseFloat(style.fontSize) * scale
      if (parent instanceof SVGGraphicsElement) {
        const m = parent.getScreenCTM()
        if (m)
          px = Number.parseFloat(style.fontSize) * Math.hypot(m.a, m.b)
      }
      const ancestry: { tag: string, classes: string[] }[] = []
      for (let e: Element | null = parent; e && e !== root; e = e.parentElement) {
        ancestry.push({
          tag: e.tagName.toLowerCase(),
          classes: [...e.classList],
        })
      }
      texts.push({
        ancestry,
        px,
        text: n.textContent.trim(),
      })
      // A text's content box is the box of the block it sits in (a paragraph, a list item, a
      // cell), so a short bullet counts for its line of the slide, not only for its letters.
      let block: Element = parent
      while (block !== layout && block.parentElement && (getComputedStyle(block).display === 'inline' || getComputedStyle(block).display === 'contents' || block instanceof SVGElement))
        block = block.parentElement
      // Text counts by its own glyph boxes too: diagram text may stand outside its box.
      if (!outside(parent)) {
        content.push(...rects.map(rect))
        if (block !== layout && !(block instanceof SVGElement))
          content.push(rect(block.getBoundingClientRect()))
      }
    }
    for (const el of layout.querySelectorAll('*')) {
      if (outside(el) || !visible(el))
        continue
      const s = getComputedStyle(el)
      const graphic = (el.tagName === 'svg' && !el.parentElement?.closest('svg')) || ['IMG', 'CANVAS', 'INPUT', 'VIDEO'].includes(el.tagName)
      const painted = !(el instanceof SVGElement) && (s.backgroundColor !== 'rgba(0, 0, 0, 0)' || Number.parseFloat(s.borderTopWidth) > 0 || Number.parseFloat(s.borderLeftWidth) > 0)
      if (graphic || painted) {
        const r = el.getBoundingClientRect()
        if (r.width > 0 && r.height > 0)
          content.push(rect(r))
      }
    }
    const ls = getComputedStyle(layout)
    const lr = layout.getBoundingClientRect()
    const top = h1
      ? h1.getBoundingClientRect().bottom
      : lr.y + Number.parseFloat(ls.paddingTop) * scale
    const src = root.querySelector('.slide-sources')
    const sources = src && visible(src)
      ? rect(src.getBoundingClientRect())
      : undefined
    const contentArea = {
      x: lr.x + Number.parseFloat(ls.paddingLeft) * scale,
      y: top,
      width: lr.width - (Number.parseFloat(ls.paddingLeft) + Number.parseFloat(ls.paddingRight)) * scale,
      // Down to the sources line when the slide has one: below it is the footnote's room.
      height: (sources?.y ?? lr.bottom - Number.parseFloat(ls.paddingBottom) * scale) - top,
    }
    const citations = [
      ...root.querySelectorAll('sup.citation'),
    ].filter(visible).map(c => ({ text: c.textContent ?? '', lines: c.getClientRects().length }))
    // Columns side by side: from the right end of one column's text (the line boxes measured
    // above) to the first ink of the next, its text or the markers its lists hang left of their
    // text. An outside marker has no box of its own: it is drawn inside the line for a moment,
    // and the line's start moves by its width.
    const textSpan = (col: Element) => {
      let left = Infinity
      let right = -Infinity
      for (const { el, rects } of lines) {
        if (!col.contains(el))
          continue
        for (const r of rects) {
          left = Math.min(left, r.left)
          right = Math.max(right, r.right)
        }
      }
      return { left, right }
    }
    const measureMarker = (li: HTMLElement) => {
      const range = document.createRange()
      range.selectNodeContents(li)
      const before = range.getClientRects()[0]?.left
      li.style.listStylePosition = 'inside'
      const after = range.getClientRects()[0]?.left
      li.style.listStylePosition = ''
      return before !== undefined && after !== undefined && after > before
        ? before - (after - before)
        : Infinity
    }
    // Measured once per item (it lays the item out twice): the gutters and the margin both ask.
    const markers = new Map<HTMLElement, number>()
    const markerLeft = (li: HTMLElement) => markers.get(li) ?? markers.set(li, measureMarker(li)).get(li)!
    const gutters: { column: number, px: number }[] = []
    for (const grid of layout.querySelectorAll('.cols')) {
      const cols = [
        ...grid.children,
      ].filter(visible)
      for (let i = 1; i < cols.length; i++) {
        // Side by side, not a column wrapped onto the next row.
        if (cols[i]!.getBoundingClientRect().left <= cols[i - 1]!.getBoundingClientRect().left)
          continue
        const end = textSpan(cols[i - 1]!).right
        let ink = textSpan(cols[i]!).left
        for (const li of cols[i]!.querySelectorAll<HTMLElement>('li')) {
          const s = getComputedStyle(li)
          if (visible(li) && s.display === 'list-item' && s.listStylePosition === 'outside' && s.listStyleType !== 'none')
            ink = Math.min(ink, markerLeft(li))
        }
        if (Number.isFinite(end) && Number.isFinite(ink))
          gutters.push({ column: i, px: ink - end })
      }
    }
    // The leftmost marker of the slide's lists, below the title (not the sources line's).
    let markersLeft = Infinity
    for (const li of layout.querySelectorAll<HTMLElement>('li')) {
      const s = getComputedStyle(li)
      if (!outside(li) && visible(li) && s.display === 'list-item' && s.listStylePosition === 'outside' && s.listStyleType !== 'none')
        markersLeft = Math.min(markersLeft, markerLeft(li))
    }
    return {
      slide: rect(slide),
      divider,
      markersLeft: Number.isFinite(markersLeft)
        ? markersLeft
        : undefined,
      title,
      texts,
      content,
      contentArea,
      sources,
      citations,
      gutters,
    }
  })
  return {
    no,
    where,
    divider: raw.divider,
    slide: raw.slide as Box,
    ...(raw.title
      ? { title: raw.title }
      : {}),
    texts: raw.texts.map((t): TextSample => ({
      kind: textKind(t.ancestry as Ancestor[]),
      px: t.px,
      text: t.text,
    })),
    content: raw.content,
    contentArea: raw.contentArea,
    ...(raw.sources
      ? { sources: raw.sources }
      : {}),
    citations: raw.citations,
    gutters: raw.gutters,
    ...(raw.markersLeft === undefined
      ? {}
      : { markersLeft: raw.markersLeft }),
  }
}
