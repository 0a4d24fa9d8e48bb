import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { parse } from 'vue/compiler-sfc'

/**
 * Files Slidev loads into the browser: components, layouts, pages, the global and per-slide
 * layers, and the client-side setup hooks, in the deck and in each local addon. (Slidev's
 * Node-side hooks, such as setup/preparser.ts, are left out: they never reach the browser.)
 */
const CLIENT_SETUP = [
  'main',
  'routes',
  'shortcuts',
  'root',
  'context-menu',
  'code-runners',
  'mermaid',
  'monaco',
  'katex',
]

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir))
    return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => pattern.test(f) && !f.includes('node_modules') && !/\.(?:test|d)\.ts$/.test(f))
    .map(f => join(dir, f))
}

export function clientEntries(root: string): string[] {
  const roots = [
    root,
    ...filesUnder(join(root, 'addons'), /^[^/]+$/).filter(d => statSync(d).isDirectory()),
  ]
  return roots.flatMap(r => [
    ...['components', 'layouts', 'pages'].flatMap(d => filesUnder(join(r, d), /\.(?:vue|ts)$/)),
    ...readdirSync(r).filter(f => f.endsWith('.vue')).map(f => join(r, f)),
    ...CLIENT_SETUP.map(n => join(r, 'setup', `${n}.ts`)).filter(existsSync),
  ])
}

/**
 * The module specifiers a .ts or .vue file loads at run time: static imports and re-exports,
 * and dynamic `import()`. Type-only imports are erased by the compiler and left out.
 */
function importsOf(file: string): string[] {
  let code = readFileSync(file, 'utf8')
  if (file.endsWith('.vue')) {
    const { descriptor } = parse(code, { filename: file })
    code = [descriptor.script?.content, descriptor.scriptSetup?.content].filter(Boolean).join('\n')
  }
  const specs: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly)
      specs.push((node.moduleSpecifier as ts.StringLiteral).text)
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly)
      specs.push((node.moduleSpecifier as ts.StringLiteral).text)
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!))
      specs.push(node.arguments[0].text)
    ts.forEachChild(node, visit)
  }
  visit(ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true))
  return specs
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec)
  return [
    base,
    `${base}.ts`,
    `${base}.vue`,
    join(base, 'index.ts'),
  ].find(f => existsSync(f) && statSync(f).isFile())
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!)
/**
 * Packages for Node only, or too heavy for the page: citation-js (the references are rendered at
 * build time), Slidev's file reader, the PDF and browser tooling. lib/takeAway.ts once reached
 * citation-js through the citations addon's formatter for a one-line split.
 */
const SERVER_ONLY = /^(?:@citation-js|citation-js|@slidev\/parser\/fs|@slidev\/cli|pdf-lib|@lillallol\/outline-pdf|playwright(?:-chromium|-core)?|@playwright|workbox-build|sirv|vite|vite-plugin-pwa)(?:\/|$)/

/**
 * Every chain from a client file to a Node built-in or a server-only package, e.g.
 * `slide-bottom.vue -> lib/talkConfig.ts -> lib/componentCheck.ts -> node:fs`. In Vite's dev
 * server such an import blanks the whole deck; the production build hides it.
 */
export function clientNodeImports(root: string): string[][] {
  return importChains(root, clientEntries(root), spec => isBuiltin(spec) || SERVER_ONLY.test(spec)
    ? [spec]
    : null)
}

/**
 * Every chain of the project's own imports from an entry to a package module that `ends` says
 * is one to report (it returns the chain's end from there, or null).
 */
function importChains(root: string, entries: string[], ends: (spec: string) => string[] | null): string[][] {
  const found: string[][] = []
  const visited = new Set<string>()
  const walk = (file: string, chain: string[]) => {
    if (visited.has(file))
      return
    visited.add(file)
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec)
        if (next) {
          walk(next, [
            ...chain,
            relative(root, next),
          ])
        }
        continue
      }
      const end = ends(spec)
      if (end) {
        found.push([
          ...chain,
          ...end,
        ])
      }
    }
  }
  for (const entry of entries) {
    walk(entry, [
      relative(root, entry),
    ])
  }
  return found
}

/**
 * Files the browser loads only with a slide, after the page has opened (Slidev loads most
 * slides three seconds in): components and layouts, the deck's and each addon's. The handout
 * page is left out: it renders every slide itself, from Slidev's slide list.
 */
export function slideLoadedFiles(root: string): string[] {
  return clientEntries(root).filter(f => /(?:^|\/)(?:components|layouts)\//.test(relative(root, f)))
}

/**
 * A module of Slidev's client, as its dev server resolves `@slidev/client` and
 * `@slidev/client/<path>`: an alias to the folder, so a path is a file's, extension and all
 * (`@slidev/client/context` is no file, and the page stays blank).
 */
function resolveSlidevClient(clientDir: string, spec: string): string | undefined {
  const file = spec === '@slidev/client'
    ? join(clientDir, 'index.ts')
    : join(clientDir, spec.slice('@slidev/client/'.length))
  return existsSync(file) && statSync(file).isFile()
    ? file
    : undefined
}

/**
 * Every chain from a file loaded with a slide to Slidev's list of slides (`#slidev/slides`),
 * e.g. `components/Chart.vue -> @slidev/client -> composables/useNav.ts -> #slidev/slides`.
 * Under `npm run dev` such a file, first loaded after an edit, loads a second copy of the
 * list, which mounts every slide again (components/slidev.ts).
 */
export function slideListImports(root: string, clientDir: string): string[][] {
  // The chain from a module of Slidev's client to the slide list, or null: a depth-first
  // search, each module once per question (`seen`), so a cycle of imports ends it.
  const inClient = (file: string, seen: Set<string>): string[] | null => {
    if (seen.has(file))
      return null
    seen.add(file)
    let chain: string[] | null = null
    for (const spec of importsOf(file)) {
      if (spec === '#slidev/slides') {
        chain = [spec]
      }
      else if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec)
        const rest = next && inClient(next, seen)
        if (rest) {
          chain = [
            relative(clientDir, next!),
            ...rest,
          ]
        }
      }
      if (chain)
        break
    }
    return chain
  }
  return importChains(root, slideLoadedFiles(root), (spec) => {
    if (spec !== '@slidev/client' && !spec.startsWith('@slidev/client/'))
      return null
    const target = resolveSlidevClient(clientDir, spec)
    const rest = target
      ? inClient(target, new Set())
      : ['no such file: write the path with its extension']
    return rest && [spec, ...rest]
  })
}
