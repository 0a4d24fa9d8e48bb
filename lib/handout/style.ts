import type { HandoutGeometry } from './geometry'
import type { Paper } from './paper'

/**
 * The handout's stylesheet, injected into the built deck's /print page. Lengths come from
 * the geometry so that what the page lays out is what the packing assumed. The deck's own
 * tokens (--deck-accent, fonts) are used, so a fork's colours and type reach the handout.
 */
export function handoutCss(g: HandoutGeometry, paper: Paper): string {
  const px = (n: number) => `${n.toFixed(3)}px`
  return `
@page { size: ${paper.widthMm}mm ${paper.heightMm}mm; margin: 0; }
html, html.print, body {
  width: ${px(g.pageWidth)} !important; min-width: 0 !important; height: auto !important;
  overflow: visible !important; margin: 0 !important; padding: 0 !important; background: #fff !important;
}
#app, #mermaid-rendering-container { display: none !important; }
#handout-root {
  position: relative; width: ${px(g.pageWidth)};
  font-family: var(--deck-font-sans, 'Source Sans 3', sans-serif); color: var(--deck-text, #1b1f24);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
#handout-root * { box-sizing: border-box; }
.handout-measure { position: absolute; left: 0; top: 0; width: ${px(g.bodyWidth)}; }
.handout-page {
  position: relative; width: ${px(g.pageWidth)}; height: ${paper.heightMm}mm; overflow: hidden;
  padding: ${px(g.marginTop)} ${px(g.marginX)} ${px(g.marginBottom)};
  break-after: page; page-break-after: always; background: #fff;
}
.handout-page:last-child { break-after: auto; page-break-after: auto; }
.page-head, .page-foot {
  display: flex; justify-content: space-between; align-items: baseline; gap: 2em;
  font-size: 8pt; color: var(--deck-muted, #4a5563); white-space: nowrap; overflow: hidden;
}
.page-head { height: ${px(g.headHeight)}; border-bottom: 0.75pt solid var(--deck-accent, #0b5cad); }
.page-head .talk { font-weight: 600; color: var(--deck-accent, #0b5cad); }
.page-head .section { overflow: hidden; text-overflow: ellipsis; }
.page-foot { height: ${px(g.footHeight)}; align-items: flex-end; }
.page-body { height: ${px(g.bodyHeight)}; overflow: hidden; padding-top: 0; position: relative; }
.handout-page.slides .page-body { padding-top: 0; }

/* A slide beside its notes; long notes run on under the slide at full width. */
.row + .row { margin-top: ${px(g.rowGap)}; }
.row-main { display: flow-root; padding-top: ${px(g.rowGap / 2)}; }
.slide-box {
  float: left; width: ${px(g.slideWidth)}; height: ${px(g.slideHeight)}; overflow: hidden;
  margin: 0 5mm 1.5mm 0; outline: 0.5pt solid #b6bec9; position: relative; background: #fff;
}
.slide-box > .print-slide-container {
  transform: scale(${g.slideScale}); transform-origin: 0 0; position: absolute; left: 0; top: 0;
  margin: 0 !important; break-after: auto !important; page-break-after: auto !important;
}
.notes { font-size: ${px(g.notesFontPx)}; line-height: 1.36; text-align: left; }
.row.compact .notes { font-size: ${px(g.notesFontPx * 0.88)}; line-height: 1.3; }
.notes-label { font-size: 1em; font-weight: 700; color: var(--deck-accent, #0b5cad); margin: 0 0 0.3em; }
.notes-label .no { font-weight: 600; color: var(--deck-muted, #4a5563); margin-right: 0.5em; }
.notes p { margin: 0 0 0.45em; }
.notes ul, .notes ol { margin: 0 0 0.45em; padding-left: 1.3em; }
.notes sup.citation { font-size: 0.72em; line-height: 0; color: var(--deck-accent, #0b5cad); }
.notes .no-notes { color: var(--deck-muted, #4a5563); font-style: italic; }
.sources { font-size: 0.9em; color: var(--deck-muted, #4a5563); margin: 0.2em 0 0; clear: none; }
.sources .label { font-weight: 600; }
.sources sup { font-size: 0.75em; margin-right: 0.1em; }
.rules { position: relative; }
.rules .rule { height: ${px(g.ruleGap)}; border-bottom: 0.6pt solid #aeb6c1; }
.rules .rule:first-child::before {
  content: attr(data-label); position: absolute; left: 0; top: 1pt; font-size: 6.5pt; color: #8a939f;
  text-transform: uppercase; letter-spacing: 0.06em;
}

/* Cover. */
.handout-page.cover .page-body { display: flex; flex-direction: column; }
.cover-band { border-top: 5pt solid var(--deck-accent, #0b5cad); padding-top: 18mm; position: relative; }
/* Top right, in the band's top margin: the logo adds no height, so the cover fits as planned. */
.cover-logo { position: absolute; top: 4mm; right: 0; height: 12mm; width: auto; max-width: 60mm; object-fit: contain; object-position: right top; }
.cover-kind { font-size: 10pt; letter-spacing: 0.12em; text-transform: uppercase; color: var(--deck-muted, #4a5563); margin: 0 0 4mm; }
.cover h1 { font-size: 30pt; line-height: 1.12; margin: 0 0 4mm; color: var(--deck-accent, #0b5cad); font-weight: 700; }
.cover .subtitle { font-size: 15pt; line-height: 1.3; margin: 0 0 14mm; color: var(--deck-muted, #4a5563); }
.cover .presenter { font-size: 14pt; font-weight: 600; margin: 0; }
.cover .affiliation { font-size: 12pt; margin: 1mm 0 0; }
.cover .event { font-size: 11pt; margin: 5mm 0 0; color: var(--deck-muted, #4a5563); }
.cover .contents { margin-top: 16mm; font-size: 10.5pt; }
.cover .contents h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: 0.1em; color: var(--deck-muted, #4a5563); margin: 0 0 3mm; font-weight: 600; }
.cover .contents ol { list-style: none; margin: 0; padding: 0; }
.cover .contents li { display: flex; gap: 0.5em; padding: 1.2mm 0; border-bottom: 0.5pt dotted #b6bec9; }
.cover .contents li .t { flex: 1; }
.cover .about { margin-top: auto; font-size: 9pt; line-height: 1.4; color: var(--deck-muted, #4a5563); border-top: 0.5pt solid #b6bec9; padding-top: 3mm; }
.cover .about p { margin: 0 0 1.5mm; }

/* References. */
.refs-head { display: flow-root; }
.refs-head h2 { font-size: 16pt; color: var(--deck-accent, #0b5cad); margin: 3mm 0 2mm; }
.refs-head p { font-size: 8.5pt; color: var(--deck-muted, #4a5563); margin: 0 0 3mm; line-height: 1.35; }
ol.refs { margin: 0; padding: 0; list-style: none; }
ol.refs li { display: flex; gap: 0.6em; font-size: 9pt; line-height: 1.35; padding-bottom: 2mm; break-inside: avoid; }
ol.refs li .n { flex: 0 0 2em; text-align: right; font-weight: 600; color: var(--deck-accent, #0b5cad); }
ol.refs li .t { flex: 1; overflow-wrap: anywhere; }
ol.refs a { color: inherit; text-decoration: none; }
ol.refs .reference-audit { font-style: italic; color: var(--deck-warning, #8a4b00); }
`
}
