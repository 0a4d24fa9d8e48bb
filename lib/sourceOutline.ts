/**
 * Does a deck still follow the source lecture it reproduces? Each slide is known by its source
 * label: the `kicker:` of its frontmatter (the source's repeated section title, drawn above the
 * slide's own point title), else its title. A figure slide is known by its caption label
 * ("Figure 1."), which its label begins with.
 */

/** The label a slide is matched by: its kicker when it has one, else its title. */
export function sourceLabel(slide: { title?: string, frontmatter?: Record<string, unknown> }): string {
  const kicker = slide.frontmatter?.kicker
  return normTitle(typeof kicker === 'string' && kicker.trim()
    ? kicker
    : slide.title ?? '')
}

export function normTitle(t: string): string {
  return t.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * The first outline title the deck's labels do not contain in order, with the index of the
 * deck slide after which it was looked for; undefined when every title is there, in order.
 */
export function firstMissing(labels: readonly string[], outline: readonly string[]): { title: string, after: number } | undefined {
  let at = 0
  for (const want of outline) {
    const w = normTitle(want)
    const found = labels.findIndex((t, i) => i >= at && (t === w || (w.startsWith('figure') && t.startsWith(w))))
    if (found < 0)
      return { title: want, after: at }
    at = found + 1
  }
  return undefined
}

/** The lecture's own slides: all but the talk's title slide and the references slides. */
export function lectureSlides<S extends { content: string, note?: string }>(slides: readonly S[]): S[] {
  return slides.slice(1).filter(s => !/citations:references/.test(`${s.content}\n${s.note ?? ''}`))
}
