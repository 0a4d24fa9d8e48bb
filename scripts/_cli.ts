import type { ParseArgsConfig } from 'node:util'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { DeckReadError } from '../addons/citations/lib'
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
    const known = e instanceof BuildError || e instanceof ExportError || e instanceof BrowserNotFoundError || e instanceof DeckReadError
    console.error(`\nerror: ${known
      ? (e as Error).message
      : (e as Error).stack ?? e}`)
    process.exit(1)
  }
}

type Options = NonNullable<ParseArgsConfig['options']>
/** What `--help` says of each option, by name. */
type Help<O> = Partial<Record<keyof O & string, string>>

/** `--help`: the usage line, then each option with what it does. */
export function helpText(usage: string, options: Options, help: Record<string, string | undefined>): string {
  const rows = Object.entries(options).filter(([name]) => help[name]).map(([name, o]) => [`--${name}${o.type === 'string'
    ? ' <value>'
    : ''}`, help[name]!])
  const width = Math.max(0, ...rows.map(([flag]) => flag!.length))
  return [
    `usage: ${usage}`,
    '',
    ...rows.map(([flag, text]) => `  ${flag!.padEnd(width)}  ${text}`),
  ].join('\n')
}

/**
 * The one command-line parser of every script: Node's parseArgs, strict. An unknown option
 * is an error, and an option that takes a value cannot take the next option as its value
 * (`--out --base /x` is refused, not read as an output file named "--base"). `--help` prints
 * the usage line and what each option does. Exits with 2 and the usage on a mistake.
 */
export function cli<O extends Options>(usage: string, options: O, argv = process.argv.slice(2), allowPositionals = false, help: Help<O> = {}) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        ...options,
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals,
    })
    if ((parsed.values as { help?: boolean }).help) {
      console.log(helpText(usage, options, help))
      process.exit(0)
    }
    return parsed as { values: ReturnType<typeof parseArgs<{ options: O }>>['values'], positionals: string[] }
  }
  catch (e) {
    console.error(`error: ${(e as Error).message}\nusage: ${usage}`)
    process.exit(2)
  }
}
