/**
 * Browser tests: Debian's chromium against a real server on a fresh embedded
 * database with the demo centre. Build the web apps first (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_PORT } from './e2e/support.ts';

const PORT = E2E_PORT;
const DATA_DIR = `.tmp/e2e-data-${PORT}`;

if (!existsSync('dist/web/admin/index.html')) {
  throw new Error('The web apps are not built: run `npm run build` before `npm run test:browser`.');
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One server with one embedded database: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    command: `rm -rf ${DATA_DIR} && node bin/govhall.mjs serve`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      GOVHALL_DATA_DIR: DATA_DIR,
      GOVHALL_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      GOVHALL_DEMO: '1',
      LOG_LEVEL: 'warn',
      TZ: 'Asia/Shanghai',
    },
  },
});
