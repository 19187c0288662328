// Runs in the benchmarked page before the console (plain JS: injected as written, not compiled).
// Figures come from the page's own clock, taken after the next paint.
;(() => {
  const FILES = '[aria-labelledby="access-files"]'
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn))
  const bench = { longTasks: [], listings: [], firstRows: undefined, listed: undefined, uploadStarted: undefined }
  window.__bench = bench

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  // Each page of the listing (ListObjectsV2), by when its last byte arrived.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name.includes('list-type=2')) bench.listings.push(entry.responseEnd)
  }).observe({ type: 'resource', buffered: true })

  // Set by the bench before the console starts: the summary that says the whole listing is in ("10,001 files").
  const watch = new MutationObserver(() => {
    const files = document.querySelector(FILES)
    if (!files || !window.__benchExpect) return
    if (bench.firstRows === undefined && files.querySelector('tbody tr button[aria-label^="Download "]')) {
      afterPaint(() => (bench.firstRows ??= performance.now()))
    }
    if (bench.listed === undefined && files.textContent.includes(window.__benchExpect) && files.querySelector('tbody tr')) {
      watch.disconnect()
      afterPaint(() => (bench.listed = performance.now()))
    }
  })
  watch.observe(document, { childList: true, subtree: true, characterData: true })

  document.addEventListener('change', (event) => {
    if (event.target?.getAttribute?.('aria-label') === 'Choose files to upload') bench.uploadStarted = performance.now()
  }, true)

  /** Resolves with the page's clock once the upload queue says `expected` (checked every 50 ms, a cheap query). */
  bench.whenUploaded = (expected) =>
    new Promise((resolve) => {
      const tick = () => {
        const status = document.querySelector('[aria-labelledby="access-upload"] [role="status"]')?.textContent?.trim() ?? ''
        if (status.startsWith(expected)) resolve(performance.now())
        else setTimeout(tick, 50)
      }
      tick()
    })

  bench.longestBetween = (from, to) => Math.max(0, ...bench.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration))
})()
