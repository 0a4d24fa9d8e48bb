/**
 * The presenter view's notes column on first opening. Slidev 53 gives the notes a 360 px
 * column and a 280 px row under the next slide, whatever the screen: on a 1920x1080 laptop
 * the notes pane was 360x241 px (about nine lines of a lecture's long notes) while the next
 * slide, scaled to that width, left 500 px of its box empty above it. Here the column is
 * wider and the notes take everything under the next slide. Slidev keeps both sizes in
 * localStorage once the lecturer drags them, so these are only the first values.
 */

/** Slidev's own storage keys for the two sizes (pages/presenter.vue). */
export const NOTES_WIDTH_KEY = 'slidev-presenter-notes-width'
export const NOTES_ROW_KEY = 'slidev-presenter-notes-row-size'

/** Height the presenter view takes outside its two rows: the progress bar and the bottom bar. */
const CHROME_PX = 70
/** Around the next slide in its box: 16 px on every side (the top one under its "Next" label). */
const NEXT_PADDING_PX = 16
/** Between the next slide's row and the notes row (the grid's gap). */
const GAP_PX = 1
/** Slidev's own limits (RESIZER_LIMITS): its notes row at most 3/4 of the view. */
const MIN_WIDTH = 360
const MAX_WIDTH = 720
const MIN_ROW = 160
const MAX_ROW_RATIO = 0.75

export interface NotesColumn {
  width: number
  rowSize: number
}

/**
 * The notes column for a window of `viewport` showing slides of `aspect` (width / height),
 * or null where Slidev does not put the notes beside the slides (a window taller than wide).
 */
export function notesColumn(viewport: { width: number, height: number }, aspect: number): NotesColumn | null {
  if (viewport.width < viewport.height)
    return null
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, viewport.width * 0.3)))
  const rows = viewport.height - CHROME_PX
  const next = Math.ceil((width - 2 * NEXT_PADDING_PX) / aspect) + 2 * NEXT_PADDING_PX
  const rowSize = Math.round(Math.max(MIN_ROW, Math.min(rows * MAX_ROW_RATIO, rows - next - GAP_PX)))
  return { width, rowSize }
}
