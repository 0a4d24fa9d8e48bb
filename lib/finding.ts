/** Something wrong in a file the lecturer edits, at the place an editor can jump to. */
export interface Finding {
  file: string
  line: number
  column: number
  message: string
}
