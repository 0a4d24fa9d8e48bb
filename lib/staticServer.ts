import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'

export interface StaticServer {
  url: string
  port: number
  close: () => Promise<void>
}

export interface ServeOptions {
  /**
   * What a path with no file gets: the deck's index.html (`index`, as `npm run preview`
   * serves it), or 404.html with status 404 (`404.html`, as GitHub Pages serves a project).
   */
  notFound?: 'index' | '404.html'
}

/**
 * Serves a built deck on loopback. The deck is a single-page app with history routing, so
 * unknown paths reach index.html: directly (`single`), or through 404.html as on GitHub Pages.
 */
export async function serveStatic(dir: string, port = 0, host = '127.0.0.1', base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const pages = options.notFound === '404.html'
  const handler = sirv(dir, { single: !pages, dev: true, etag: true })
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/html' })
    res.end(pages
      ? readFileSync(join(dir, '404.html'))
      : undefined)
  }
  // A deck built for a sub-path (GitHub Pages: /<repo>/) is served under that path here too.
  const prefix = base.endsWith('/')
    ? base
    : `${base}/`
  const server = createServer((req, res) => {
    if (prefix !== '/') {
      if (!req.url?.startsWith(prefix))
        return notFound(res)
      req.url = req.url.slice(prefix.length - 1)
    }
    handler(req, res, () => notFound(res))
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => ok())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://${host}:${actual}${prefix}`,
    port: actual,
    close: () => new Promise(ok => server.close(() => ok())),
  }
}
