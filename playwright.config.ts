// End-to-end tests against the built dist/, served under a sub-path like a CDN would.
// Uses the machine's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const PREFIX = '/a/b/';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${PREFIX}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs dist ${PORT} ${PREFIX}`,
    url: `http://127.0.0.1:${PORT}${PREFIX}`,
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
