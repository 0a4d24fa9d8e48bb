import { relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { projectRoot } from './project'

export interface ParsedSlide {
  title?: string
  note?: string
  content: string
  frontmatter: Record<string, any>
  file: string
  index: number
}

/** The deck read as Slidev reads it (`src:` imports resolved, notes split off), with its parse errors. */
export async function parseDeck(entry = resolve(projectRoot, 'slides.md')) {
  const data = await load({
    userRoot: projectRoot,
    roots: [projectRoot],
  }, entry)
  const errors = Object.values(data.markdownFiles).flatMap(md => (md.errors ?? []).map(e => `${md.filepath}:${e.row + 1}: ${e.message}`))
  const slides: ParsedSlide[] = data.slides.map(s => ({
    title: s.title,
    note: s.note,
    content: s.content,
    frontmatter: s.frontmatter,
    file: relative(projectRoot, s.source.filepath).replaceAll('\\', '/'),
    index: s.index,
  }))
  return { headmatter: data.headmatter as Record<string, any>, slides, errors }
}

export const where = (s: ParsedSlide) => `${s.file} (slide ${s.index + 1}, "${s.title ?? ''}")`
