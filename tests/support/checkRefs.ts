import { execFile, execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'

const root = resolve(__dirname, '../..')

/**
 * Runs the real CLI as `npm run check:refs` does, in a child process (asynchronous, so a
 * stand-in server in the test's process can answer it), and returns exit code and output.
 */
export async function checkRefs(args: string[], env: Record<string, string> = {}, cwd = root): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(resolve(root, 'node_modules/.bin/tsx'), [
      resolve(root, 'scripts/check-refs.ts'),
      ...args,
    ], {
      cwd,
      env: {
        ...process.env,
        ...env,
      },
    })
    return { code: 0, stdout, stderr }
  }
  catch (error) {
    const e = error as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/**
 * What a terminal shows of the same run: stdout and stderr as one stream, in the order they
 * were written. Any exit code.
 */
export function checkRefsTerminal(args: string[], cwd = root): string {
  const quote = (a: string) => `'${a.replaceAll('\'', '\'\\\'\'')}'`
  const cmd = [
    resolve(root, 'node_modules/.bin/tsx'),
    resolve(root, 'scripts/check-refs.ts'),
    ...args,
  ].map(quote).join(' ')
  return execFileSync('sh', ['-c', `${cmd} 2>&1 || true`], { cwd, encoding: 'utf8' })
}
