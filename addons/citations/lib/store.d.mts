/** The store named `name`, made by `create` the first time it is asked for in this process. */
export function store<T>(name: string, create: () => T): T
