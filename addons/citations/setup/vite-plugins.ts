/**
 * In the dev server, saving the bibliography re-renders the citations, as saving a slide
 * does. Slidev reloads the deck only when a slide file changes, and the preparser reads the
 * bibliography only then: a lecturer who cites a new study, sees "?key", then adds its entry
 * to references.bib would otherwise keep seeing "?key" until the next edit of a slide.
 * Reporting the bibliography's change as a change of the entry file makes Slidev reload the
 * deck through the parser; the preparser reads the new bibliography (by its mtime) and the
 * slides whose citations render differently are updated in place.
 */
import { defineVitePluginsSetup } from '@slidev/types'
import { bibliographyPath } from '../lib/bibliographyPath'

export default defineVitePluginsSetup(options => [
  {
    name: 'slidev-addon-citations:bibliography',
    apply: 'serve',
    configureServer(server) {
      // Vite watches the project folder; a bibliography kept elsewhere is added.
      server.watcher.add(bibliographyPath(options.entry, options.data.headmatter))
    },
    handleHotUpdate({ file, server }) {
      // The headmatter as last loaded: Slidev updates options.data on every reload.
      if (file !== bibliographyPath(options.entry, options.data.headmatter))
        return
      server.watcher.emit('change', options.entry)
      return []
    },
  },
])
