/** Something wrong in a file the lecturer edits, at the place an editor can jump to. */
export interface Finding {
  file: string
  line: number
  column: number
  message: string
}

/** A slide's place in the deck, with its frontmatter, and the `src:` block that imported it. */
export interface FrontmatterAt { file: string, line: number, frontmatter: Record<string, unknown>, importedAt?: FrontmatterAt }

/**
 * Where a slide's `key` was written: on the `src:` block that imported the slide when that
 * block sets it (Slidev passes it to every imported slide), else on the slide itself.
 */
export function whereKeyIsSet(s: FrontmatterAt, key: string): FrontmatterAt {
  return s.importedAt && key in s.importedAt.frontmatter
    ? s.importedAt
    : s
}

/** As an editor or a terminal links it: `file:line:column: message`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.message}`
}

/** The YAML parser's message without its position and excerpt: a finding gives the place. */
export function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
