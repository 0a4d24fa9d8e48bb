/**
 * `npm run dev` reports a headmatter mistake in the terminal as the build does. Slidev
 * accepts any key, so a fork that types `afiliation:` in dev would only see the name vanish
 * from the title slide; `npm run build` stops with the same file:line message. Reported when
 * the server starts and each time the entry file is saved, once per new set of problems.
 */
import type { Logger } from 'vite'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { parseSync } from '@slidev/parser'
import { defineVitePluginsSetup } from '@slidev/types'
import { formatFinding } from '../lib/finding'
import { checkHeadmatter } from '../lib/talkConfig'

export default defineVitePluginsSetup((options) => {
  const root = dirname(options.entry)
  const file = basename(options.entry)
  let reported = ''
  function report(logger: Logger) {
    const markdown = readFileSync(options.entry, 'utf8')
    const headmatter = parseSync(markdown, options.entry).slides[0]?.frontmatter ?? {}
    const problems = checkHeadmatter(file, markdown, headmatter, p => existsSync(resolve(root, p)))
      .map(formatFinding)
      .join('\n')
    if (problems === reported)
      return
    if (problems)
      logger.warn(`[deck] \`npm run build\` would stop on:\n${problems}`)
    else
      // A warning too: Slidev runs Vite at log level 'warn', which hides info.
      logger.warn(`[deck] ${file}: the headmatter is fine again`)
    reported = problems
  }
  return [
    {
      name: 'nmda-pain:headmatter-check',
      apply: 'serve',
      configureServer(server) {
        report(server.config.logger)
      },
      // The file as saved: Vite's ctx.read() gives Slidev's stand-in module for the entry.
      handleHotUpdate({ file: changed, server }) {
        if (changed === options.entry)
          report(server.config.logger)
      },
    },
  ]
})
