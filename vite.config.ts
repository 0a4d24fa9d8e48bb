import { defineConfig } from 'vite'

export default defineConfig({
  // Vitest reads its settings from here so that the top level keeps no extra config file.
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
  },
} as any)
