// Runs in the benchmarked page before the console (plain JS: injected as written, not compiled).
// Figures come from the page's own clock, taken after the next paint.
;(() => {
  const ROWS = '.queue-table tbody a'
  const FULL_PAGE = 25
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn))
  const bench = { firstRows: undefined, longTasks: [] }
  window.__bench = bench

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  // When the queue's first full page is on screen after a navigation (ms since the navigation began).
  const first = new MutationObserver(() => {
    if (document.querySelectorAll(ROWS).length < FULL_PAGE) return
    first.disconnect()
    afterPaint(() => (bench.firstRows = performance.now()))
  })
  first.observe(document, { childList: true, subtree: true })

  const buttonNamed = (scope, name) => [...document.querySelectorAll(`${scope} button`)].find((el) => el.textContent.trim() === name)

  /** Clicks the open dialog's `name` button; resolves with the ms until another request's review page is painted, ready to decide. */
  bench.timeNextReview = (name) =>
    new Promise((resolve, reject) => {
      const heading = () => document.querySelector('h1')?.textContent?.trim()
      const before = heading()
      const target = buttonNamed('[role=dialog]', name)
      if (!target) return reject(new Error(`No dialog button named ${name}`))
      const observer = new MutationObserver(() => {
        const now = heading()
        if (!now || now === before || !now.startsWith('Review: ') || !buttonNamed('main', 'Approve…')) return
        observer.disconnect()
        afterPaint(() => resolve(performance.now() - start))
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      const start = performance.now()
      target.click()
    })

  bench.longestSince = (since) => Math.max(0, ...bench.longTasks.filter((t) => t.start >= since).map((t) => t.duration))
})()
