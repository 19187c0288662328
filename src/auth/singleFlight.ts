/** Wraps an async task so concurrent callers share one run; the next call after it settles starts a new one. */
export function singleFlight<T>(task: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null
  return () => {
    if (!inFlight) {
      inFlight = task().finally(() => {
        inFlight = null
      })
    }
    return inFlight
  }
}
