/**
 * Where to scroll the presenter's notes so the paragraph of the current click can be read.
 * Slidev highlights that paragraph (its `[click]` markers) but, in the built deck, leaves the
 * pane where it was; on the long per-click notes of the animated slides it can sit a screen
 * below. Rectangles are viewport coordinates (getBoundingClientRect).
 *
 * Returns the pane's new scrollTop, or null when the paragraph is already in full view (no
 * needless jump while the lecturer reads). A paragraph taller than the pane is shown from
 * its first line.
 */
export function noteScrollTop(
  pane: { top: number, height: number, scrollTop: number },
  target: { top: number, height: number },
  margin = 8,
): number | null {
  const topInPane = target.top - pane.top
  const fits = target.height + 2 * margin <= pane.height
  const visible = topInPane >= 0 && topInPane + target.height <= pane.height
  if (visible && fits)
    return null
  return Math.max(0, pane.scrollTop + topInPane - margin)
}
