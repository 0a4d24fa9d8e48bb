import type { Paper, PaperName } from './paper'
import { PAPERS } from './paper'

export type SlidesPerPage = 2 | 3

export interface HandoutOptions {
  paper: Paper
  /** At most this many slides share a page; long notes can make a page hold fewer. */
  perPage: SlidesPerPage
}

export class HandoutOptionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HandoutOptionError'
  }
}

/**
 * A4 is the paper of most of the world's lecture halls; three slides a page is the
 * classic lecture handout and keeps the printout short. Both are options.
 */
export const DEFAULT_HANDOUT_OPTIONS: HandoutOptions = { paper: PAPERS.a4, perPage: 3 }

/** Reads `--paper` and `--per-page` as typed on the command line (or from headmatter `handout:`). */
export function parseHandoutOptions(raw: { paper?: string | null, perPage?: string | number | null }): HandoutOptions {
  const options = { ...DEFAULT_HANDOUT_OPTIONS }
  if (raw.paper != null && raw.paper !== '') {
    const name = String(raw.paper).trim().toLowerCase().replace(/^us-?/, '')
    if (!(name in PAPERS))
      throw new HandoutOptionError(`--paper ${raw.paper}: unknown paper size. Use --paper a4 or --paper letter.`)
    options.paper = PAPERS[name as PaperName]
  }
  if (raw.perPage != null && raw.perPage !== '') {
    const n = Number(raw.perPage)
    if (n !== 2 && n !== 3)
      throw new HandoutOptionError(`--per-page ${raw.perPage}: a handout page holds 2 or 3 slides. Use --per-page 2 or --per-page 3.`)
    options.perPage = n
  }
  return options
}
