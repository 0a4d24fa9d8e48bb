// npm run preview: serve the built deck on localhost, as a lecturer or a test would open it.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { serveStatic } from '../lib/staticServer'
import { option } from './_cli'

const dir = resolve(option('dir') ?? 'dist')
const port = Number(option('port') ?? process.env.PORT ?? 4173)
const base = option('base') ?? process.env.DECK_BASE ?? '/'

if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`error: ${dir}/index.html does not exist. Run \`npm run build\` first.`)
  process.exit(1)
}
const server = await serveStatic(dir, port, '127.0.0.1', base)
console.log(`Serving ${dir}\n  slides:     ${server.url}\n  presenter:  ${server.url}presenter/\n  slides PDF: ${server.url}slides.pdf\nPress Ctrl+C to stop.`)
