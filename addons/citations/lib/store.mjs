/**
 * Caches that outlive Slidev's reloads. On every edit in dev Slidev imports setup files
 * again through jiti with its module cache off, which evaluates every TypeScript module the
 * preparser imports anew: a cache kept in one of them would be empty on each edit. A plain
 * ES module like this one is loaded by Node itself, once per process, so what it holds stays.
 * Plain JavaScript for that reason alone (types in store.d.mts).
 */
const stores = new Map()

/** The store named `name`, made by `create` the first time it is asked for in this process. */
export function store(name, create) {
  if (!stores.has(name))
    stores.set(name, create())
  return stores.get(name)
}
