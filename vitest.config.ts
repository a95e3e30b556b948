import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of every workspace package (the `hemonet-source`
// export condition), so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ['hemonet-source'] },
  ssr: { resolve: { conditions: ['hemonet-source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only thrash.
    maxWorkers: 2,
  },
});
