import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse'
import puppeteer, { type Page } from 'puppeteer-core'
import { chromiumLaunchOptions } from '../playwright.config'

export type Preset = 'desktop' | 'mobile'

/** Lighthouse's figures for one page and preset: scores 0–100, times in ms. */
export interface LighthouseReport {
  page: string
  preset: Preset
  /** Median of the runs' performance scores: the score moves a few points from run to run. */
  performance: number
  performanceRuns: number[]
  /** Worst of the runs, so an audit failing only now and then is still seen. */
  accessibility: number
  bestPractices: number
  /** Of the run whose performance score is the median. */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number }
  /** Bytes on the wire for the whole load from a cold cache, as Chromium counted them (encodedDataLength), and the HTML, JS and CSS among them. */
  transferBytes: number
  documentScriptStyleBytes: number
  /** Bytes that compressing the text responses would have saved (Lighthouse's uses-text-compression); 0 when they are compressed. */
  compressionSavingsBytes: number
  /** Audits short of a full score that count towards a score: `id: what and where`. */
  failing: string[]
}

const PRESETS: Record<Preset, Config | undefined> = { desktop: desktopConfig, mobile: undefined }

// The same flow as bench/list-ui.ts's signIn, in puppeteer because Lighthouse drives a puppeteer page. The console's
// button is found by its text: Vuetify's uppercase style is in its accessible name, and puppeteer's aria match is exact.
async function signIn(page: Page, origin: string) {
  await page.goto(`${origin}/datasets`)
  await page.waitForFunction(() => /\/signin\?.*silent=failed/.test(location.href))
  await page.locator('button ::-p-text(Sign in with Provena)').click()
  await page.locator('::-p-aria([name="Username"][role="textbox"])').fill('steward')
  await page.locator('::-p-aria([name="Password"])').fill('steward')
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click()
  await page.waitForSelector('button[aria-label^="Account: "]')
}

const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)

/** An audit's table rows, typed as far as this file reads them; a list's tables (the LCP element's) are read as one. */
const rows = <T>(lhr: Result, id: string) =>
  (((lhr.audits[id]?.details ?? {}) as unknown as { items?: (T & { items?: T[] })[] }).items ?? []).flatMap((item) => item.items ?? [item])

/** What is wrong, and where: the elements an audit names, or its figure. */
function describe(lhr: Result, id: string): string {
  const audit = lhr.audits[id]
  const nodes = rows<{ node?: { selector?: string; snippet?: string; explanation?: string } }>(lhr, id).flatMap(({ node }) =>
    // The explanation's first line is axe's "Fix any of the following:"; the lines after it say what is wrong.
    node ? [`${node.selector ?? node.snippet}${node.explanation ? ` (${node.explanation.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim()})` : ''}`] : [],
  )
  const where = nodes.length ? ` — ${nodes.slice(0, 5).join('; ')}${nodes.length > 5 ? `; and ${nodes.length - 5} more` : ''}` : ''
  return `${id}: ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}${where}`
}

/**
 * Audits that cost points: any shortfall in accessibility and best practices; in performance, the diagnostics that
 * Lighthouse says would speed up a metric (the metrics are printed apart; its "insights" repeat the diagnostics).
 */
function failingIds(lhr: Result): string[] {
  const ids: string[] = []
  for (const [category, threshold] of [['accessibility', 1], ['best-practices', 1], ['performance', 0.9]] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      const costs = category === 'performance' ? ref.group === 'diagnostics' && Object.values(audit.metricSavings ?? {}).some((saving) => (saving ?? 0) > 0) : ref.weight > 0
      if (costs && audit.score !== null && audit.score < threshold) ids.push(ref.id)
    }
  }
  return ids
}

function summarise(page: string, preset: Preset, lhrs: Result[]): LighthouseReport {
  const byPerformance = [...lhrs].sort((a, b) => score(a, 'performance') - score(b, 'performance'))
  const median = byPerformance[byPerformance.length >> 1]
  const numeric = (id: string) => median.audits[id].numericValue ?? NaN
  const bytesOf = (types: string[]) =>
    rows<{ resourceType: string; transferSize: number }>(median, 'resource-summary')
      .filter((item) => types.includes(item.resourceType))
      .reduce((sum, item) => sum + item.transferSize, 0)
  // Described as the median run saw it where it failed there too.
  const failing = new Map<string, { lhr: Result; runs: number }>()
  for (const lhr of [median, ...lhrs.filter((other) => other !== median)]) {
    for (const id of failingIds(lhr)) failing.set(id, { lhr: failing.get(id)?.lhr ?? lhr, runs: (failing.get(id)?.runs ?? 0) + 1 })
  }
  const compression = median.audits['uses-text-compression']?.details as { overallSavingsBytes?: number } | undefined
  return {
    page,
    preset,
    performance: score(median, 'performance'),
    performanceRuns: lhrs.map((lhr) => score(lhr, 'performance')),
    accessibility: Math.min(...lhrs.map((lhr) => score(lhr, 'accessibility'))),
    bestPractices: Math.min(...lhrs.map((lhr) => score(lhr, 'best-practices'))),
    metrics: {
      fcp: numeric('first-contentful-paint'),
      lcp: numeric('largest-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      speedIndex: numeric('speed-index'),
    },
    transferBytes: numeric('total-byte-weight'),
    documentScriptStyleBytes: bytesOf(['document', 'script', 'stylesheet']),
    compressionSavingsBytes: compression?.overallSavingsBytes ?? 0,
    failing: [...failing].map(([id, { lhr, runs }]) => `${describe(lhr, id)}${runs < lhrs.length ? ` (in ${runs} of ${lhrs.length} runs)` : ''}`),
  }
}

/**
 * Lighthouse on the dataset list and one dataset page of the stack at `origin`, `runs` times per page and preset.
 * One signed-in tab throughout: the console keeps its session in sessionStorage, which a new tab would not have.
 * Lighthouse's storage reset stays on: it empties the HTTP cache (a cold load, so the transfer size is a first
 * visit's) but clears neither sessionStorage nor cookies, so the tab stays signed in; each run checks that it did.
 */
export async function benchLighthouse(origin: string, runs: number, presets: Preset[] = ['desktop', 'mobile']): Promise<LighthouseReport[]> {
  const browser = await puppeteer.launch({
    executablePath: chromiumLaunchOptions.executablePath,
    args: chromiumLaunchOptions.args,
    headless: true,
    // Lighthouse sets each preset's screen itself; puppeteer's default 800×600 would fight it.
    defaultViewport: null,
  })
  try {
    const page = await browser.newPage()
    await signIn(page, origin)
    const link = await page.waitForSelector('a.dataset-link')
    const href = await link?.evaluate((a) => a.getAttribute('href'))
    if (!href) throw new Error('The dataset list has no dataset link to audit.')
    const pages = { '/datasets': `${origin}/datasets`, [href]: new URL(href, origin).href }
    const reports: LighthouseReport[] = []
    for (const preset of presets) {
      for (const [path, url] of Object.entries(pages)) {
        const lhrs: Result[] = []
        for (let i = 0; i < runs; i++) {
          const result = await lighthouse(url, { logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] }, PRESETS[preset], page)
          if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
          const { lhr } = result
          if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
          // A signed-out tab would be audited as the sign-in page and score well for the wrong page.
          if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname || !(await page.$('button[aria-label^="Account: "]'))) {
            throw new Error(`Lighthouse on ${url} did not end on the signed-in page (it ended on ${lhr.finalDisplayedUrl})`)
          }
          lhrs.push(lhr)
        }
        reports.push(summarise(path, preset, lhrs))
      }
    }
    return reports
  } finally {
    await browser.close()
  }
}
