import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { BrowserNotFoundError } from '../lib/browser'
import { BuildError } from '../lib/pipeline'
import { ExportError } from '../lib/printDeck'

/** Prints a step's duration; the benchmark and a lecturer waiting both want to see it. */
export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const result = await fn()
  console.log(`  ✓ ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  return result
}

/** Runs a script body; expected failures print their message, not a stack trace. */
export async function main(body: () => Promise<void>, cleanup: () => Promise<void> = async () => {}): Promise<void> {
  try {
    await body()
  }
  catch (e) {
    await cleanup().catch(() => {})
    const known = e instanceof BuildError || e instanceof ExportError || e instanceof BrowserNotFoundError
    console.error(`\nerror: ${known
      ? (e as Error).message
      : (e as Error).stack ?? e}`)
    process.exit(1)
  }
}

export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`)
}

export function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  if (i >= 0)
    return process.argv[i + 1]
  return process.argv.find(a => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=')
}
