import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'board', include: ['packages/{board,protocol}/src/**/*.test.ts'] } },
      // Which folder may import which (README, "Architecture").
      { test: { name: 'structure', include: ['scripts/structure/**/*.test.ts'] } },
      { test: { name: 'relay', include: ['apps/relay/{src,test}/**/*.test.ts'], testTimeout: 20_000 } },
      {
        // The browser's WebSocket, which Node 20 has behind a flag (board/socketAhead.test.ts).
        test: { name: 'web', include: ['apps/web/src/**/*.test.ts'], execArgv: ['--experimental-websocket'] },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Several browsers and a relay share two cores: one retry absorbs a timing hiccup, while a
          // real failure still fails twice and fails the run.
          retry: 1,
        },
      },
    ],
  },
})
