// npm run preview: serve the built deck on localhost, as a lecturer or a test would open it.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import process from 'node:process'
import { serveStatic } from '../lib/staticServer'
import { cli } from './_cli'

const { values } = cli('npm run preview -- [--dir dist] [--port 4173] [--base /sub/path/]', {
  dir: { type: 'string' },
  port: { type: 'string' },
  base: { type: 'string' },
})
const dir = resolve(values.dir ?? 'dist')
const port = Number(values.port ?? process.env.PORT ?? 4173)
const base = values.base ?? process.env.DECK_BASE ?? '/'

if (!existsSync(resolve(dir, 'index.html'))) {
  console.error(`error: ${dir}/index.html does not exist. Run \`npm run build\` first.`)
  process.exit(1)
}
const server = await serveStatic(dir, port, '127.0.0.1', base)
// The PDFs the build wrote (`npm run export` alone writes only the slides').
const pdfs = [
  ['slides PDF', 'slides.pdf'],
  ['handout', 'handout.pdf'],
].filter(([, f]) => existsSync(resolve(dir, f!)))
console.log([
  `Serving ${dir}`,
  `  slides:     ${server.url}`,
  `  presenter:  ${server.url}presenter/`,
  ...pdfs.map(([label, f]) => `  ${`${label}:`.padEnd(12)}${server.url}${f}`),
  'Press Ctrl+C to stop.',
].join('\n'))
