// Runs in the benchmarked page before the console (plain JS: it is injected as written, not compiled).
// Figures come from the page's own clock, taken after the next paint, not from the driver's polling.
;(() => {
  const ROWS = 'tbody a.dataset-link'
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn))
  const firstRow = () => document.querySelector(ROWS)?.getAttribute('href')
  const bench = { firstRows: undefined, notFoundPainted: undefined, longTasks: [] }
  window.__bench = bench

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  // The baseline: the not-found page's heading on screen after a navigation (Vue, Vuetify and the shell, no data).
  const notFound = new MutationObserver(() => {
    const heading = document.querySelector('h1')
    if (heading?.textContent.trim() !== 'Page not found') return
    notFound.disconnect()
    afterPaint(() => (bench.notFoundPainted = performance.now()))
  })
  notFound.observe(document, { childList: true, subtree: true })

  // When the first full page of rows is on screen after a navigation.
  const first = new MutationObserver(() => {
    if (document.querySelectorAll(ROWS).length < 20) return
    first.disconnect()
    afterPaint(() => (bench.firstRows = performance.now()))
  })
  first.observe(document, { childList: true, subtree: true })

  /** Clicks the button or option named `name` and resolves with the ms until a different first row is painted. */
  bench.timeRowsChange = (role, name) =>
    new Promise((resolve, reject) => {
      const before = firstRow()
      const selector = role === 'option' ? '[role=option]' : 'button'
      const target = [...document.querySelectorAll(selector)].find((el) => el.textContent.trim() === name)
      if (!target) return reject(new Error(`Nothing to click named ${name}`))
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll(ROWS).length < 20 || firstRow() === before) return
        observer.disconnect()
        afterPaint(() => resolve(performance.now() - start))
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      const start = performance.now()
      target.click()
    })

  bench.longestSince = (since) => Math.max(0, ...bench.longTasks.filter((t) => t.start >= since).map((t) => t.duration))
})()
