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

/** The YAML parser's message without its position and excerpt: a finding gives the place. */
export function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
