// Runs in the benchmarked page before the console (plain JS: it is injected as written, not compiled).
// Figures come from the page's own clock, taken after the next paint, not from the driver's polling.
;(() => {
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn))
  const bench = { longTasks: [] }
  window.__bench = bench

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })

  const saveButton = () => [...document.querySelectorAll('button')].find((el) => el.textContent.trim() === 'Save changes')

  /** Clicks Edit metadata; resolves with the ms until the form, with `rows` extra metadata rows, is painted. */
  bench.timeEditorOpen = (rows) =>
    new Promise((resolve, reject) => {
      const edit = [...document.querySelectorAll('a')].find((el) => el.textContent.trim() === 'Edit metadata')
      if (!edit) return reject(new Error('No Edit metadata link'))
      const ready = () => saveButton() && document.querySelectorAll('#field-dataset_info-user_metadata input').length >= Math.min(rows, 20) * 2
      const observer = new MutationObserver(() => {
        if (!ready()) return
        observer.disconnect()
        afterPaint(() => resolve(performance.now() - start))
      })
      observer.observe(document.body, { childList: true, subtree: true })
      const start = performance.now()
      edit.click()
    })

  /**
   * Types `text` into the input `#id` one character at a time, as input events; each figure is the ms from the
   * event to the end of the work it causes (Vue's update, full-form validation, style and layout).
   */
  bench.timeKeystrokes = async (id, text) => {
    const input = document.getElementById(id)
    if (!input) throw new Error(`No input #${id}`)
    input.focus()
    const times = []
    for (const character of text) {
      const start = performance.now()
      input.value += character
      input.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((resolve) => setTimeout(resolve))
      void document.body.offsetHeight
      times.push(performance.now() - start)
      await new Promise((resolve) => setTimeout(resolve, 60))
    }
    return times
  }

  /** Clicks the History tab; resolves with the ms until its diff ("… changed.") is painted. */
  bench.timeHistoryTab = () =>
    new Promise((resolve, reject) => {
      const tab = [...document.querySelectorAll('[role=tab]')].find((el) => el.textContent.trim() === 'History')
      if (!tab) return reject(new Error('No History tab'))
      const ready = () => /changed\.$/.test(document.querySelector('section[aria-labelledby="history-compare"] .metadata-diff > p')?.textContent.trim() ?? '')
      const observer = new MutationObserver(() => {
        if (!ready()) return
        observer.disconnect()
        afterPaint(() => resolve(performance.now() - start))
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
      const start = performance.now()
      tab.click()
    })

  bench.longestSince = (since) => Math.max(0, ...bench.longTasks.filter((t) => t.start >= since).map((t) => t.duration))
})()
