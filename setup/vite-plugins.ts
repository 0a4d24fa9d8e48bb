/**
 * `npm run dev` prints in its terminal what `npm run build` would stop on (lib/deckCheck.ts;
 * the citations addon reports its own). Slidev takes any headmatter key and renders a
 * mistyped component as nothing, so a fork would otherwise learn of `afiliation:` or
 * `<WindupTrian>` only at the next build. The whole deck is checked two seconds after the
 * server is up, and after a save once saving pauses for a second, off the path from a save to
 * the screen. Each new set of problems is printed once, and so is their end.
 */
import type { Logger, ResolvedConfig } from 'vite'
import type { VitePluginPWAAPI } from 'vite-plugin-pwa'
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { defineVitePluginsSetup } from '@slidev/types'
import { escapeHtml } from '../addons/citations/lib/html'
import { newestInput, pdfEntry } from '../lib/buildInputs'
import { deckFindings, deckReminders, headmatterError, remindersText } from '../lib/deckCheck'
import { formatFinding } from '../lib/finding'
import { MAIN_DECK } from '../lib/talkConfig'

const PAUSE_MS = 1000
/** After the server has started: its first page is compiling then, and the check can wait. */
const START_DELAY_MS = 2000
/** Where the files are that the check reads besides the deck's Markdown: the logo, the components. */
const CHECKED_DIRS = ['public', 'components', 'addons']

/**
 * The PDFs the closing slide links to, which `npm run build` writes beside the site. Its links
 * are relative: from the presenter view, or under a `--base`, they ask for `/presenter/slides.pdf`.
 */
const DECK_PDF_PATH = /\/(?:slides|handout)\.pdf$/

/**
 * What the dev server answers for a PDF that may not be the deck it shows (`pdf`: its file
 * name): printed before the deck's last change, or, after `npm run build -- --deck short.md`,
 * from the other entry file (`printedFrom`). `entry`: the dev server's own entry file.
 */
function stalePdfPage(pdf: string, entryFile: string, printedFromFile?: string): string {
  // File names of this project, but read from a file in dist/: written as text, never markup.
  const entry = escapeHtml(entryFile)
  const printedFrom = printedFromFile && escapeHtml(printedFromFile)
  const deck = entryFile === MAIN_DECK
    ? ''
    : ` -- --deck ${entry}`
  const alone = pdf === 'handout.pdf'
    ? 'npm run handout'
    : 'npm run export'
  const [title, why] = printedFrom
    ? [`${pdf} is ${printedFrom}'s, not ${entry}'s`, `The last build printed ${printedFrom}; this server shows ${entry}.`]
    : [`${pdf} is from before your last edit`, 'The deck has changed since this PDF was printed, so it may not show your latest edits.']
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${title}</title>
<main style="font: 1.25rem/1.5 system-ui, sans-serif; max-width: 38em; margin: 3em auto; padding: 0 1em">
<h1>${title}</h1>
<p>${why}</p>
<p>Run <code>npm run build${deck}</code> to print the deck as it is now (<code>${alone}${deck}</code> for this PDF alone); this link then opens the new PDF.</p>
<p><a href="${pdf}?last-build">Open the last PDF printed anyway</a></p>
</main>
`
}

/** What the build would stop on, and what the template left to change: each printed text, or ''. */
interface Checked { problems: string, reminders: string }

/** The web manifest vite-plugin-pwa writes for Slidev's `pwa:` option. */
const MANIFEST = 'manifest.webmanifest'

export default defineVitePluginsSetup((options) => {
  const root = dirname(options.entry)
  let manifest: string | undefined
  let config: ResolvedConfig | undefined
  // As Vite names changed files: absolute, with forward slashes on every system.
  const checkedDirs = CHECKED_DIRS.map(d => `${resolve(root, d).replaceAll('\\', '/')}/`)
  let reported = ''
  let reminded = ''
  function show({ problems, reminders }: Checked, logger: Logger) {
    // All as warnings: Slidev runs Vite at log level 'warn', which hides info.
    if (problems !== reported) {
      logger.warn(problems
        ? `[deck] \`npm run build\` would stop on:\n${problems}`
        : '[deck] nothing left that would stop `npm run build`')
      reported = problems
    }
    // The template's stand-ins (the presenter's name...): once, and again only if they change.
    if (reminders && reminders !== reminded)
      logger.warn(`[deck] ${reminders}`)
    reminded = reminders
  }

  // The deck reader, imported once, when first needed: Slidev loads this file through jiti
  // with its module cache off, so each import() would evaluate citation-js anew.
  let reader: Promise<typeof import('../lib/deck')> | undefined
  async function checkDeck(): Promise<Checked> {
    const { loadDeck } = await (reader ??= import('../lib/deck'))
    try {
      const deck = await loadDeck(options.entry)
      return {
        problems: deckFindings(deck).map(formatFinding).join('\n'),
        reminders: remindersText(deckReminders(deck)),
      }
    }
    catch (error) {
      const yaml = headmatterError(relative(root, options.entry), error)
      return {
        problems: yaml
          ? formatFinding(yaml)
          : `the deck could not be read: ${(error as Error).message}`,
        reminders: reminded,
      }
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  /** One check `ms` from now, replacing any still waiting. */
  function checkAfter(ms: number, logger: Logger) {
    clearTimeout(timer)
    timer = setTimeout(async () => show(await checkDeck(), logger), ms)
    timer.unref()
  }
  return [
    {
      // What the built site tells a browser about the talk, from the headmatter: Slidev names an
      // installed deck "Slidev" (the manifest's short_name) and describes it with package.json's
      // description, which a fork forgets; it quotes the author in the page's meta tag
      // (content="&quot;Presenter's name&quot;"). Before the service worker is written, which
      // lists what it caches with each file's hash.
      name: 'nmda-pain:site-identity',
      apply: 'build',
      enforce: 'post',
      configResolved(resolved) {
        config = resolved
      },
      // Not in configResolved: vite-plugin-pwa resolves its options in its own, which may run
      // at the same time.
      buildStart() {
        // The worker refetches a file whose hash changed: the manifest is listed with the hash
        // of the content vite-plugin-pwa made, before generateBundle below changes it. The list
        // is taken now and read when the worker is written, after that: the hash is read then.
        const api = config?.plugins.find(p => p.name === 'vite-plugin-pwa')?.api as VitePluginPWAAPI | undefined
        api?.extendManifestEntries(entries => entries.map(e => typeof e === 'string' || e.url !== MANIFEST
          ? e
          : {
              ...e,
              get revision() {
                return manifest
                  ? createHash('md5').update(manifest).digest('hex')
                  : e.revision
              },
            }))
      },
      transformIndexHtml: {
        order: 'post',
        handler: html => html.replace(/(<meta name="author" content=")&quot;(.*?)&quot;(">)/, '$1$2$3'),
      },
      generateBundle: {
        order: 'post',
        handler(_, bundle) {
          const asset = bundle[MANIFEST]
          if (asset?.type !== 'asset')
            return
          const title = String(options.data.config.title)
          const subtitle = options.data.headmatter.subtitle
          asset.source = manifest = JSON.stringify({
            ...JSON.parse(String(asset.source)),
            short_name: title,
            description: typeof subtitle === 'string' && subtitle.trim()
              ? `${title}: ${subtitle.trim()}`
              : title,
          })
        },
      },
    },
    {
      name: 'nmda-pain:deck-check',
      apply: 'serve',
      configureServer(server) {
        // Once the server is up, so that a component mistyped while the server was down is
        // named without waiting for a save. Not for `slidev export`, which also serves the
        // deck: its output is the PDF, and a check would only slow it.
        if (options.mode === 'dev')
          server.httpServer?.once('listening', () => checkAfter(START_DELAY_MS, server.config.logger))
        // Every save, from the file watcher rather than hot updates: a headmatter Slidev cannot
        // parse (`title: a: b`) makes no hot update, and was the one mistake left unreported.
        // Only for a file the check reads: the dev server watches the whole project, where
        // builds, exports and test runs write too, and a check is a deck read (tens of ms) in
        // the process that also relays the shared Try-it state between windows.
        server.watcher.on('all', (_event, path) => {
          const file = path.replaceAll('\\', '/')
          // The reminders also read the project's other decks (short.md) and the source outline.
          const outline = options.data.headmatter.sourceOutline
          const read = (file.endsWith('.md') && dirname(file) === root.replaceAll('\\', '/'))
            || (typeof outline === 'string' && file === resolve(root, outline).replaceAll('\\', '/'))
          if (file in options.data.watchFiles || file === options.entry.replaceAll('\\', '/') || read || checkedDirs.some(d => file.startsWith(d)))
            checkAfter(PAUSE_MS, server.config.logger)
        })
      },
    },
    {
      // The closing slide links to slides.pdf and handout.pdf, which the build writes into
      // dist/ beside the site. Under `npm run dev` the links opened the deck's first slide (the
      // dev server answers any page it lacks with the deck): they open the last build's PDFs,
      // or say how to make them.
      name: 'nmda-pain:dev-pdfs',
      apply: 'serve',
      configureServer(server) {
        if (options.mode !== 'dev')
          return
        server.middlewares.use((req, res, next) => {
          const name = DECK_PDF_PATH.exec((req.url ?? '').split('?')[0]!)?.[0]
          if (!name)
            return next()
          const missing = () => {
            res.statusCode = 404
            res.setHeader('Content-Type', 'text/plain; charset=utf-8')
            res.end(`No dist${name} yet: \`npm run build\` makes the slides and handout PDFs; this link then opens the last one built.\n`)
          }
          const file = join(root, 'dist', name)
          // A build may be replacing dist/ at that moment: gone is "not built yet".
          const printed = statSync(file, { throwIfNoEntry: false })
          if (!printed)
            return missing()
          // A lecturer trying the closing slide's link after an edit (or after building the
          // other deck) would get a PDF of another deck without a word: they are told, and can
          // still open it.
          res.setHeader('Cache-Control', 'no-store')
          if (!/[?&]last-build\b/.test(req.url ?? '')) {
            const entry = relative(root, options.entry).replaceAll('\\', '/')
            const printedFrom = pdfEntry(join(root, 'dist'), name.slice(1))
            const other = printedFrom && printedFrom !== entry
              ? printedFrom
              : undefined
            if (other || printed.mtimeMs < newestInput(root, Object.keys(options.data.watchFiles))) {
              res.setHeader('Content-Type', 'text/html; charset=utf-8')
              return res.end(stalePdfPage(name.slice(1), entry, other))
            }
          }
          res.setHeader('Content-Type', 'application/pdf')
          // A build may be replacing dist/ at that moment.
          createReadStream(file).on('error', missing).pipe(res)
        })
      },
    },
  ]
})
