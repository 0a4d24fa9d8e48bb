/**
 * What a key does in the lecture hall, whatever has focus. A presentation remote is a
 * keyboard with a handful of keys: PageDown/PageUp (most), the arrow keys or Space (some),
 * F5 / Shift+F5 and Escape to start and end the show (PowerPoint's keys), `b` or `.` to
 * blank the screen. Slidev turns the talk only while nothing is focused (it ignores keys
 * while an input, a button or a link has focus), so a slider touched with the mouse would
 * swallow the clicker. This decides, for the focused element, who gets the key: the talk
 * (`next`, `prev`, ...) or the element itself (`null`).
 *
 * A focused live control (a range slider, a button, the notes pane) keeps ArrowUp/ArrowDown,
 * Home/End (a slider steps and jumps with them, the notes scroll), Enter and Tab; the keys a
 * clicker sends drive the talk. Text fields keep every key: the "go to slide" box must take
 * a typed number.
 */

export type HallAction = 'next' | 'prev' | 'fullscreen' | 'release' | 'blank' | 'show'

/** What has focus, as far as keys are concerned. */
export type FocusKind = 'deck' | 'control' | 'text'

export interface KeyPress {
  key: string
  shiftKey?: boolean
  altKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
}

/** Inputs that take typed text (and `select`, which uses every arrow and letter key). */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'color',
  'file',
])

/** The keys that turn the talk, next or back (Space with or without Shift). */
const TURN_KEYS = new Set([
  'PageDown',
  'PageUp',
  'ArrowRight',
  'ArrowLeft',
  ' ',
])

/** The focus kind of an element as the DOM describes it (tag, input type, contenteditable). */
export function focusKind(el: { tagName: string, type?: string, isContentEditable?: boolean } | null | undefined): FocusKind {
  if (!el || el.tagName === 'BODY' || el.tagName === 'HTML')
    return 'deck'
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')
    return 'text'
  if (el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el.type ?? 'text').toLowerCase()))
    return 'text'
  return 'control'
}

/**
 * The talk's action for a key pressed with `focus` (and the projector `blanked` or not), or
 * null when the key belongs to the
 * focused element (or, with nothing focused, to Slidev's own shortcuts, which already turn
 * the talk then). `b`, `.` and F5 are ours everywhere but in text fields: Slidev binds none
 * of them, and F5 would reload the deck in the middle of the talk.
 */
export function hallAction(press: KeyPress, focus: FocusKind, blanked = false): HallAction | null {
  if (focus === 'text' || press.altKey || press.ctrlKey || press.metaKey)
    return null
  const { key, shiftKey } = press
  if (key === 'F5')
    return 'fullscreen'
  if (key === 'b' || key === 'B' || key === '.')
    return 'blank'
  // With the projector blanked, the clicker's next or back brings the slide back, and turns
  // nothing (as in PowerPoint): a lecturer who pressed "next" to end the black screen had moved
  // on to a slide the audience never saw. ↑/↓ are the talk's with nothing focused.
  if (blanked && (TURN_KEYS.has(key) || (focus === 'deck' && (key === 'ArrowUp' || key === 'ArrowDown'))))
    return 'show'
  if (focus === 'deck')
    return null
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return 'next'
    case 'PageUp':
    case 'ArrowLeft':
      return 'prev'
    case ' ':
      return shiftKey ? 'prev' : 'next'
    case 'Escape':
      return 'release'
    default:
      return null
  }
}
