// Stands in for Slidev's dev-server object `server-reactive:live` under Vitest (vite.config.ts).
export default {}
