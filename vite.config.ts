import process from 'node:process'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  // Slidev brings its own Vue plugin; only the component tests under Vitest need ours.
  plugins: process.env.VITEST ? [vue()] : [],
  define: {
    // Keep Slidev's /print route in the built site: our exporter prints the built deck
    // instead of compiling it a second time, and a lecturer can print from a browser too.
    // (Slidev only enables it when its own `download` export runs inside `slidev build`.)
    __SLIDEV_FEATURE_PRINT__: 'true',
  },
  // Vitest reads its settings from here so that the top level keeps no extra config file.
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
    environment: 'node',
  },
} as any)
