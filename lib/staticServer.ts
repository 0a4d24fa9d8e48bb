import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import sirv from 'sirv'

export interface StaticServer {
  url: string
  port: number
  close: () => Promise<void>
}

/**
 * Serves a built deck on loopback. The deck is a single-page app with history routing, so
 * unknown paths fall back to index.html (`single`), as on GitHub Pages with its 404.html.
 */
export async function serveStatic(dir: string, port = 0, host = '127.0.0.1', base = '/'): Promise<StaticServer> {
  const handler = sirv(dir, { single: true, dev: true, etag: true })
  // A deck built for a sub-path (GitHub Pages: /<repo>/) is served under that path here too.
  const prefix = base.endsWith('/') ? base : `${base}/`
  const server = createServer((req, res) => {
    if (prefix !== '/') {
      if (!req.url?.startsWith(prefix)) {
        res.statusCode = 404
        res.end()
        return
      }
      req.url = req.url.slice(prefix.length - 1)
    }
    handler(req, res)
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
