/**
 * The attributes that name a diagram's <svg role="img">. On screen its <title> names it and
 * its <desc> says what the step shows. In print both go into one label: Chromium's tagged PDF
 * gives a figure its accessible name as alternative text and drops the description, so a
 * screen reader of the PDF would hear the heading alone.
 */
export function diagramLabel(printing: boolean, ids: { title: string, desc: string }, heading: string, description: string): Record<string, string> {
  return printing
    ? { 'aria-label': `${/[.?!]$/.test(heading)
        ? heading
        : heading.replace(/[:;,]?$/, '.')} ${description}` }
    : { 'aria-labelledby': ids.title, 'aria-describedby': ids.desc }
}
