// citation-js ships no type declarations; these cover the calls lib/ makes.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown)
    format(type: 'bibliography', options: Record<string, unknown>): string | [string, string][]
  }
  export const plugins: {
    input: {
      chain: (data: unknown, options?: Record<string, unknown>) => unknown
      chainLink: (data: unknown, options?: Record<string, unknown>) => unknown
    }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
