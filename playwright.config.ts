import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from './scripts/chromium.mjs';

// Chromium and its flags are shared with the benchmark (scripts/chromium.mjs).
const executablePath = chromiumPath();

const port = Number(process.env.MG_SITE_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: Number(process.env.MG_E2E_WORKERS ?? 2),
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [...CHROMIUM_FLAGS],
    },
  },
  projects: [
    { name: 'e2e', grepInvert: /@timed/ },
    // Tests that judge time (tagged @timed) run after the rest and one at a
    // time: on a 2-core machine a second worker's test slows the page they
    // time by a second or more.
    { name: 'timed', grep: /@timed/, dependencies: ['e2e'], workers: 1 },
  ],
  webServer: {
    // Serves the production build (npm run build first; `npm test` does) as a static host would.
    command: `node scripts/serve.mjs --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
