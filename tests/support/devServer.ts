import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'

export interface DevServer {
  url: string
  output: () => string
  close: () => Promise<void>
}

/**
 * `npm run dev` exactly as the README tells a lecturer to run it, on a port of its own, in
 * `dir` (the project or a copy of it). Ready when the page answers; its own process group,
 * so closing it also ends the Vite server npm started.
 */
export async function startDev(dir: string, port: number, timeoutMs = 90_000): Promise<DevServer> {
  const child: ChildProcess = spawn('npm', ['run', 'dev', '--', '--port', String(port)], {
    cwd: dir,
    detached: true,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))), FORCE_COLOR: '0', BROWSER: 'none' },
  })
  let log = ''
  child.stdout!.on('data', (d) => {
    log += d
  })
  child.stderr!.on('data', (d) => {
    log += d
  })
  // Slidev serves on `localhost` unless told --remote; the browser and fetch resolve it alike.
  const url = `http://localhost:${port}/`
  const close = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      }
      catch {}
      await new Promise(ok => child.once('exit', ok))
    }
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`npm run dev exited (${child.exitCode}):\n${log}`)
    const up = await fetch(url).then(r => r.ok, () => false)
    if (up)
      return { url, output: () => log, close }
    await new Promise(ok => setTimeout(ok, 250))
  }
  await close()
  throw new Error(`npm run dev did not answer at ${url} within ${timeoutMs / 1000} s:\n${log}`)
}
