import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration files each open their own database; browser and workerd tests start servers.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
