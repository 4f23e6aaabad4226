import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        test: {
          name: 'domain',
          include: ['src/domain/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        // Browser-side logic that needs no browser (the event-stream client, with a scripted EventSource).
        test: {
          name: 'web',
          include: ['web/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        test: {
          name: 'module',
          include: ['src/{modules,platform,cli}/**/*.test.ts', 'src/*.test.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          env: { TZ: 'Asia/Shanghai' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
