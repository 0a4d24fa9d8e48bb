/**
 * The lecturer's edit loop, measured from outside: `slidev` (the dev server `npm run dev`
 * starts) on a copy of a deck, a slide open in Chromium, a slide file edited on disk, and
 * the time until the new words are painted. Shared by the end-to-end test and the benchmark.
 */
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import type { Page } from 'playwright-chromium'
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { slidevBin } from './pipeline'

/**
 * A copy of the project as a forker would have it (the files git tracks or would track,
 * less `skip`), sharing node_modules, in a temporary folder that may be broken at will.
 */
export function copyProject(root: string, skip: (file: string) => boolean = () => false): string {
  const dir = mkdtempSync(join(tmpdir(), 'nmda-fork-'))
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(f => f && !skip(f))
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true })
    try {
      cpSync(join(root, f), join(dir, f))
    }
    catch {} // listed but deleted in the working tree
  }
  linkModules(join(root, 'node_modules'), join(dir, 'node_modules'))
  // A fork is a git checkout; the tests list its files the way git does.
  execFileSync('git', ['init', '-q'], { cwd: dir })
  return dir
}

/**
 * node_modules as hard links: about a second, no space, and its files lie inside the copy as
 * in a real clone (Vite's dev server refuses files outside the project, which a symlinked
 * node_modules would be). A symlink where the temporary folder is on another file system.
 */
function linkModules(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' })
  }
  catch {
    rmSync(to, { recursive: true, force: true })
    symlinkSync(from, to)
  }
}

/** A port nothing listens on now, from the system. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(ok => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  await new Promise(ok => server.close(ok))
  return port
}

export interface DevServer {
  url: string
  /** What the server printed so far. */
  output: () => string
  close: () => Promise<void>
}

/**
 * Starts the dev server in `dir` on `port` and waits until the page answers: `npm run dev`
 * exactly as the README tells a lecturer (`npm: true`), or `slidev <entry>` itself for a
 * deck without our package.json (the benchmark's minimal deck). Its own process group, so
 * closing it also ends the Vite server npm started.
 */
export async function startDevServer(dir: string, port: number, options: { npm?: boolean, entry?: string, timeoutMs?: number } = {}): Promise<DevServer> {
  const { npm = false, entry = 'slides.md', timeoutMs = 90_000 } = options
  const [cmd, args] = npm
    ? [
        'npm',
        [
          'run',
          'dev',
          '--',
          '--port',
          String(port),
        ],
      ]
    : [
        process.execPath,
        [
          slidevBin(dir),
          entry,
          '--open=false',
          '--port',
          String(port),
        ],
      ]
  const child: ChildProcess = spawn(cmd, args, {
    cwd: dir,
    detached: true,
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
      FORCE_COLOR: '0',
      BROWSER: 'none',
    },
  })
  let log = ''
  // DEV_LOOP_DEBUG=1 stamps each line with the ms since start: where an edit spends its time.
  const t0 = Date.now()
  const collect = (d: Buffer) => {
    log += process.env.DEV_LOOP_DEBUG
      ? String(d).replace(/^(?=.)/gm, `[${Date.now() - t0}] `)
      : d
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise(ok => child.once('exit', ok))
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      }
      catch {}
      await exited
    }
  }
  // Slidev serves on `localhost` unless told --remote; the browser and fetch resolve it alike.
  const url = `http://localhost:${port}/`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${npm ? 'npm run dev' : 'slidev'} exited (${child.exitCode}) before serving:\n${log}`)
    if (await fetch(url).then(r => r.ok, () => false)) {
      return {
        url,
        output: () => log,
        close,
      }
    }
    await sleep(250)
  }
  await close()
  throw new Error(`${npm ? 'npm run dev' : 'slidev'} did not answer at ${url} within ${timeoutMs / 1000} s:\n${log}`)
}

/**
 * Saves `text` into `file` as an editor's safe write does: into a new file beside it, then
 * renamed over it. A write in place lets the dev server read the file half written (a CI
 * run's server read the first 8192 bytes of a slide file), and when the rest lands within
 * the same timestamp the watcher reports no second change, so the torn slide stays.
 */
export function saveFile(file: string, text: string): void {
  const next = join(dirname(file), `.${basename(file)}.${process.pid}.saving`)
  writeFileSync(next, text)
  renameSync(next, file)
}

/**
 * Rewrites `file` with `edit` and returns the milliseconds from the write to the first
 * frame painted with `expected` in the slide shown by `page`.
 */
export async function editToScreen(page: Page, file: string, edit: (text: string) => string, expected: string, timeoutMs = 30_000): Promise<number> {
  const before = readFileSync(file, 'utf8')
  const after = edit(before)
  if (after === before || before.includes(expected))
    throw new Error(`the edit of ${file} must bring new text ("${expected}")`)
  // Watches in the page from before the write; reports the epoch time of the painted frame.
  const seen = page.evaluate(({ text, timeout }) => new Promise<number>((resolve, reject) => {
    const shown = () => [
      ...document.querySelectorAll('.slidev-page'),
    ].some(p => (p as HTMLElement).offsetParent !== null && (p as HTMLElement).textContent!.includes(text))
    const paintedAt = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
    if (shown())
      return paintedAt()
    const observer = new MutationObserver(() => {
      if (shown()) {
        observer.disconnect()
        paintedAt()
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    setTimeout(() => reject(new Error(`"${text}" not on screen after ${timeout} ms`)), timeout)
  }), { text: expected, timeout: timeoutMs })
  // Let the observer be in place before the file changes.
  await page.evaluate(() => new Promise(requestAnimationFrame))
  const t0 = performance.timeOrigin + performance.now()
  saveFile(file, after)
  return (await seen) - t0
}

/** A deck of three plain slides, the size of Slidev's smallest example, in a temporary folder. */
export function minimalDeck(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'minimal-deck-'))
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  writeFileSync(join(dir, 'slides.md'), [
    '---',
    'theme: default',
    'title: Minimal',
    'fonts:',
    '  provider: none',
    '---',
    '',
    '# Minimal deck',
    '',
    'The first slide.',
    '',
    '---',
    '',
    '# Second slide',
    '',
    '- alpha',
    '- beta',
    '',
    '---',
    '',
    '# Third slide',
    '',
    'The end.',
    '',
  ].join('\n'))
  return dir
}

/** Where to edit a deck: a line of `file` (relative to `dir`) shown on slide `slide`. */
export interface EditTarget {
  dir: string
  file: string
  slide: number
  /** How many slides the deck has: Slidev loads them all in the background 3 s after the first shows. */
  slides: number
  /** Text on that slide after which a new word is written. */
  anchor: string
}

/**
 * One dev-server session: start `slidev`, open the target slide, wait until the deck has
 * loaded (Slidev mounts every slide in the background 3 s after the first shows, compiling
 * each in the dev server), then `edits` edits in a row. The first edit after start is
 * reported apart: Slidev and the deck's setups do work on it that later edits reuse.
 */
export async function editLoopSession(page: Page, target: EditTarget, port: number, edits = 3): Promise<{ first: number, later: number[] }> {
  const server = await startDevServer(target.dir, port)
  try {
    const network = networkWatch(page)
    await page.goto(`${server.url}${target.slide}`)
    // The deck is loaded when the target slide shows its text and the last slide is mounted.
    await page.waitForFunction(({ no, anchor, last }) => document.querySelector(`.slidev-page-${no}`)?.textContent?.includes(anchor) && document.querySelector(`.slidev-page-${last}`), { no: target.slide, anchor: target.anchor, last: target.slides }, { timeout: 120_000 })
    // The last slide's wrapper is there before its module is: Slidev is still fetching and
    // compiling slide modules (and UnoCSS regenerating its CSS for each) for a few seconds.
    // Playwright's 'networkidle' was already reached at page load and returns at once, so an
    // edit made now would be timed against the tail of that background load, not the edit.
    try {
      await network.quiet(1000)
    }
    finally {
      network.stop()
    }
    const file = join(target.dir, target.file)
    const times: number[] = []
    for (let i = 1; i <= edits; i++) {
      const word = `Edited${i}x${Date.now() % 100_000}`
      // The anchor, then the word of the previous edit if any: replaced, so the slide keeps its size.
      times.push(await editToScreen(page, file, t => t.replace(new RegExp(`(${escapeRegExp(target.anchor)})( Edited\\d+x\\d+)?`), `$1 ${word}`), word))
    }
    return {
      first: times[0]!,
      later: times.slice(1),
    }
  }
  finally {
    await server.close()
  }
}

/**
 * Counts a page's requests from now on: `quiet` resolves once none has been in flight or
 * started for `quietMs`; `stop` detaches (the page is reused across sessions).
 */
export function networkWatch(page: Page): { quiet: (quietMs: number, timeoutMs?: number) => Promise<void>, stop: () => void } {
  let inFlight = 0
  let last = performance.now()
  const started = () => {
    inFlight++
    last = performance.now()
  }
  const ended = () => {
    inFlight--
    last = performance.now()
  }
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  return {
    async quiet(quietMs, timeoutMs = 120_000) {
      const start = performance.now()
      const busy = () => inFlight > 0 || performance.now() - last < quietMs
      while (busy()) {
        if (performance.now() - start > timeoutMs)
          throw new Error(`the page kept loading for ${timeoutMs / 1000} s: ${inFlight} requests in flight`)
        await sleep(50)
      }
    },
    stop() {
      page.off('request', started)
      page.off('requestfinished', ended)
      page.off('requestfailed', ended)
    },
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export interface EditLoopFigures {
  /** The first edit of each session, ms. */
  first: number[]
  /** Every later edit, ms. */
  later: number[]
}

/**
 * Edit-to-screen for decks side by side: `runs` dev-server sessions each, alternating
 * (a, b, c, a, b, c...) so that a machine's drift hits all alike, `edits` edits per session.
 */
export async function compareEditLoops(page: Page, targets: readonly EditTarget[], runs = 3, edits = 4): Promise<EditLoopFigures[]> {
  const out: EditLoopFigures[] = targets.map(() => ({ first: [], later: [] }))
  for (let r = 0; r < runs; r++) {
    for (const [i, target] of targets.entries()) {
      const session = await editLoopSession(page, target, await freePort(), edits)
      out[i]!.first.push(session.first)
      out[i]!.later.push(...session.later)
    }
  }
  return out
}
