/** Resolves on a later task, after the promise jobs queued now (a request's dispatch among them). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Reads a keyed listing page by page, asking for the next page before this one is shown and showing each
 * a task after its answer was read. Rendering rows takes tens of milliseconds; this way the request leaves first and travels
 * meanwhile, instead of waiting behind the render.
 *
 * `nextKey` says where the page after `page` starts, or null to stop there; `show` takes each page in order.
 * A page that arrives after `signal` aborted is not shown, so what was shown is always a prefix of the listing.
 */
export async function readPagesAhead<Page, Key>(
  first: Key | null,
  ask: (key: Key | null) => Promise<Page>,
  nextKey: (page: Page) => Key | null,
  show: (page: Page) => void,
  signal: AbortSignal,
): Promise<void> {
  let pending = ask(first)
  for (;;) {
    const page = await pending
    signal.throwIfAborted()
    const key = nextKey(page)
    if (key !== null) {
      pending = ask(key)
      // Awaited on the next turn; a failure meanwhile is not an unhandled one.
      pending.catch(() => undefined)
    }
    // Shown in a task of its own, apart from reading the answer (and the last page too, for the same reason).
    await nextTask()
    signal.throwIfAborted()
    show(page)
    if (key === null) return
  }
}
