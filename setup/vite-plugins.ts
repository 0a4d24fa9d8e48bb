/**
 * `npm run dev` prints in its terminal what `npm run build` would stop on (lib/deckCheck.ts;
 * the citations addon reports its own). Slidev takes any headmatter key and renders a
 * mistyped component as nothing, so a fork would otherwise learn of `afiliation:` or
 * `<WindupTrian>` only at the next build. Checked when the server starts and once saving
 * pauses for a second, so that the check stays off the path from a save to the screen; each
 * new set of problems is printed once, and so is their end.
 */
import type { Logger } from 'vite'
import { defineVitePluginsSetup } from '@slidev/types'
import { formatFinding } from '../lib/finding'

const PAUSE_MS = 1000

export default defineVitePluginsSetup((options) => {
  let reported = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  async function report(logger: Logger) {
    // Imported on first use: the deck reader brings citation-js, which the server's start
    // need not wait for.
    const [{ loadDeck }, { deckFindings }] = await Promise.all([
      import('../lib/deck'),
      import('../lib/deckCheck'),
    ])
    let problems: string
    try {
      problems = deckFindings(await loadDeck(options.entry)).map(formatFinding).join('\n')
    }
    catch (error) {
      problems = `the deck could not be read: ${(error as Error).message}`
    }
    if (problems === reported)
      return
    // All as warnings: Slidev runs Vite at log level 'warn', which hides info.
    logger.warn(problems
      ? `[deck] \`npm run build\` would stop on:\n${problems}`
      : '[deck] nothing left that would stop `npm run build`')
    reported = problems
  }
  function checkSoon(logger: Logger) {
    clearTimeout(timer)
    timer = setTimeout(() => void report(logger), PAUSE_MS)
    timer.unref()
  }
  return [
    {
      name: 'nmda-pain:deck-check',
      apply: 'serve',
      configureServer(server) {
        checkSoon(server.config.logger)
      },
      handleHotUpdate({ server }) {
        checkSoon(server.config.logger)
      },
    },
  ]
})
