import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 4180)
const baseURL = `http://localhost:${port}`
/** A second stack whose access tokens live 60 s, for the token-expiry journeys. */
export const SHORT_TOKEN_PORT = port + 1

/** Debian's Chromium, never a downloaded browser; flags keep it off this machine's closed network. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  // CI is a 2-core machine, sometimes half as fast as a developer's: a test that takes 15 s on a busy
  // machine here must still pass there. Tests stay short; this is the margin, not a licence for long ones.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL,
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The node binary itself (not npm or npx), so Playwright's shutdown reaches the server.
      command: 'node --import tsx server/src/start.ts',
      // A fresh in-memory store with the demo data for every run: tests never see each other's leftovers.
      env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: ':memory:' },
      url: `${baseURL}/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
    {
      command: 'node --import tsx server/src/start.ts',
      env: { PORT: String(SHORT_TOKEN_PORT), HOST: '127.0.0.1', DATA_DIR: ':memory:', ACCESS_TOKEN_TTL: '60' },
      url: `http://localhost:${SHORT_TOKEN_PORT}/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
    },
  ],
})
