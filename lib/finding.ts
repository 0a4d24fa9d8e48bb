/** Something wrong in a file the lecturer edits, at the place an editor can jump to. */
export interface Finding {
  file: string
  line: number
  column: number
  message: string
}

/** As an editor or a terminal links it: `file:line:column: message`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.message}`
}
