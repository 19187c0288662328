import { computed, ref, watch, type Ref, type WatchSource } from 'vue'

/** Where more rows come from when the loaded ones run out. */
export interface MoreRows {
  /** The server may have more (a pagination key remains). */
  available: () => boolean
  /** Loads another page; resolves once the rows are in (or it failed). */
  load: () => Promise<unknown>
}

/**
 * Pages of `size` over rows loaded so far, asking for more when the next page needs them. The page only
 * turns once its rows are there, so a short page from the server or a load under way never leaves the
 * user on a half page with a range that says otherwise.
 */
export function useLoadedPages<T>(rows: Ref<readonly T[]>, size: Ref<number>, more: MoreRows, startOverWhen: WatchSource[]) {
  const pageIndex = ref(0)
  watch([size, ...startOverWhen], () => (pageIndex.value = 0))

  const from = computed(() => pageIndex.value * size.value)
  const pageRows = computed(() => rows.value.slice(from.value, from.value + size.value))
  const hasNext = computed(() => from.value + size.value < rows.value.length || more.available())
  const range = computed(() =>
    pageRows.value.length ? `Rows ${from.value + 1}–${from.value + pageRows.value.length} of ${rows.value.length} loaded` : `${rows.value.length} loaded`,
  )

  let turning = false
  async function next() {
    if (turning) return
    turning = true
    try {
      const wanted = from.value + size.value
      if (wanted >= rows.value.length && more.available()) await more.load()
      if (wanted < rows.value.length) pageIndex.value++
    } finally {
      turning = false
    }
  }

  function previous() {
    if (pageIndex.value > 0) pageIndex.value--
  }

  return { pageIndex, pageRows, hasNext, range, next, previous }
}
