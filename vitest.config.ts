import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Extractor tests load the wink model and the gazetteer once per worker; two cores is the usual machine.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
