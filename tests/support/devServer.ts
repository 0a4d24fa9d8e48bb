import type { DevServer } from '../../lib/devLoop'
import { startDevServer } from '../../lib/devLoop'

export type { DevServer }

/** `npm run dev` exactly as the README tells a lecturer to run it, in `dir`, on `port`. */
export function startDev(dir: string, port: number, timeoutMs = 90_000): Promise<DevServer> {
  return startDevServer(dir, port, { npm: true, timeoutMs })
}
