/**
 * The attributes that name a diagram's <svg role="img">. On screen its <title> names it and
 * its <desc> says what the step shows. In print both go into one label: Chromium's tagged PDF
 * gives a figure its accessible name as alternative text and drops the description, so a
 * screen reader of the PDF would hear the heading alone.
 */
export function diagramLabel(printing: boolean, ids: { title: string, desc: string }, heading: string, description: string): Record<string, string> {
  return printing
    ? {
        'aria-label': printedLabel(heading, description),
      }
    : { 'aria-labelledby': ids.title, 'aria-describedby': ids.desc }
}

/** A diagram's name in print: its heading, then what it shows. */
export function printedLabel(heading: string, description: string): string {
  return [
    asSentence(heading),
    description.trim(),
  ].filter(Boolean).join(' ')
}

/** A heading read before more words: ended by a full stop unless it ends a sentence already. */
function asSentence(heading: string): string {
  const h = heading.trim()
  return !h || /[.?!…]["'’”)\]]*$/.test(h)
    ? h
    : `${h.replace(/[:;,]$/, '')}.`
}

/**
 * A figure file's markup to inline in a slide, under the figure's own alt text. The file names
 * itself (role="img", labelled by its <title> and <desc>) for when it is opened alone; inlined,
 * a drawing that kept its role printed as a second figure inside the first in the tagged PDF.
 * Read as XML, whatever a drawing program wrote before the root (a declaration, a comment, a
 * doctype) or inside its tag. In the browser: it needs DOMParser.
 */
export function inlineFigure(text: string, file: string): string {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
  const root = doc.documentElement
  const error = doc.getElementsByTagName('parsererror')[0]
  if (error || root.localName !== 'svg')
    throw new Error(`${file} is not an SVG drawing that can be read: ${error?.textContent?.trim().split('\n')[0] ?? `its root is <${root.localName}>`}. Save it again as plain SVG.`)
  for (const attribute of [
    'role',
    'aria-label',
    'aria-labelledby',
    'aria-describedby',
  ])
    root.removeAttribute(attribute)
  return new XMLSerializer().serializeToString(root)
}
