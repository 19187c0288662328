import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config'

/** Milliseconds of one run of the dataset list's journey in Chromium. */
export interface ListRun {
  firstPage: number
  nextPage: number
  sortChange: number
  loadAll: number
  rowsLoaded: number
  /** Longest task (ms) while paging, scrolling and filtering the loaded rows; 0 when none reached 50 ms. */
  longestTaskBrowsing: number
  /** Longest task (ms) while loading all rows. */
  longestTaskLoading: number
  /** The same browsing with Chromium's CPU slowed 4×, as a slow laptop would run it. */
  longestTaskBrowsingThrottled: number
  /** The baseline: navigation to the not-found page painted, in the same tab, just before the list's run. */
  baselinePage: number
}

/** The page-side half (bench/list-probe.js), reached through window.__bench by name so nothing compiled runs in the page. */
const PROBE = fileURLToPath(new URL('./list-probe.js', import.meta.url))
const timeRowsChange = (page: Page, role: 'button' | 'option', name: string) =>
  page.evaluate(([role, name]) => (window as never as Probe).__bench.timeRowsChange(role, name), [role, name] as const)
const longestSince = (page: Page, since: number) => page.evaluate((since) => (window as never as Probe).__bench.longestSince(since), since)
const now = (page: Page) => page.evaluate(() => performance.now())

interface Probe {
  __bench: {
    firstRows?: number
    notFoundPainted?: number
    timeRowsChange(role: string, name: string): Promise<number>
    longestSince(since: number): number
  }
}

async function signIn(page: Page, origin: string) {
  await page.goto(`${origin}/datasets`)
  await page.waitForURL(/\/signin\?.*silent=failed/)
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await page.getByLabel('Username').fill('steward')
  await page.getByLabel('Password').fill('steward')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: /^Account: / }).waitFor()
}

/** Pages through, scrolls and filters the loaded rows; the longest task meanwhile. */
async function browse(page: Page): Promise<number> {
  const browseStart = await now(page)
  for (let i = 0; i < 30; i++) await timeRowsChange(page, 'button', 'Next page')
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? 400 : -400)
    await page.waitForTimeout(50)
  }
  const filter = page.getByRole('textbox', { name: 'Filter loaded rows' })
  await filter.pressSequentially('dataset 9', { delay: 30 })
  await filter.fill('')
  await page.waitForTimeout(200)
  return longestSince(page, browseStart)
}

async function oneRun(page: Page, origin: string): Promise<ListRun> {
  // The floor, measured the same way: a full navigation to a page that loads no data.
  await page.goto(`${origin}/no/such/page`)
  await page.waitForFunction(() => (window as never as Probe).__bench.notFoundPainted !== undefined, null, { timeout: 30_000 })
  const baselinePage = await page.evaluate(() => (window as never as Probe).__bench.notFoundPainted!)

  // A full navigation: the console's files, its config, the stored session and the first list page.
  await page.goto(`${origin}/datasets`)
  await page.waitForFunction(() => (window as never as Probe).__bench.firstRows !== undefined, null, { timeout: 30_000 })
  const firstPage = await page.evaluate(() => (window as never as Probe).__bench.firstRows!)

  const nextPage = await timeRowsChange(page, 'button', 'Next page')

  // Opened from the keyboard (the app bar can cover the field when the page is scrolled); the clock starts at the option's click.
  await page.getByRole('combobox', { name: 'Sort by' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'Name, A to Z' }).waitFor()
  const sortChange = await timeRowsChange(page, 'option', 'Name, A to Z')

  const loadStart = await now(page)
  await page.getByRole('button', { name: 'Load all' }).click()
  await page.getByRole('status').filter({ hasText: '(all of them)' }).waitFor({ timeout: 120_000 })
  const loadEnd = await now(page)
  const rowsLoaded = Number((await page.getByRole('status').textContent())?.match(/of (\d+) loaded/)?.[1])
  const longestTaskLoading = await longestSince(page, loadStart)

  // With every row loaded: page through them, scroll the page and filter them; then again on a 4× slower CPU.
  const longestTaskBrowsing = await browse(page)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  let longestTaskBrowsingThrottled: number
  try {
    longestTaskBrowsingThrottled = await browse(page)
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await cdp.detach()
  }

  return { firstPage, nextPage, sortChange, loadAll: loadEnd - loadStart, rowsLoaded, longestTaskBrowsing, longestTaskLoading, longestTaskBrowsingThrottled, baselinePage }
}

/** The dataset list's journey on the stack at `origin`, `runs` times in one signed-in tab. */
export async function benchListUi(origin: string, runs: number): Promise<ListRun[]> {
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addInitScript({ path: PROBE })
    await signIn(page, origin)
    const results: ListRun[] = []
    for (let i = 0; i < runs; i++) results.push(await oneRun(page, origin))
    return results
  } finally {
    await browser.close()
  }
}
