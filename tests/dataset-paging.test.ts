import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { computed, effectScope, nextTick, ref } from 'vue'
import type * as datastore from '@/api/datastore'
import type { ListSort } from '@/stores/datasets'
import { useLoadedPages } from '@/composables/useLoadedPages'
import { itemDataset, listPage } from './builders'

const fakes = vi.hoisted(() => ({ listDatasets: vi.fn<typeof datastore.listDatasets>() }))
vi.mock('@/api/datastore', () => ({ listDatasets: fakes.listDatasets, fetchDataset: vi.fn() }))
vi.mock('@/api/search', () => ({ searchRegistry: vi.fn() }))
const { useDatasetsStore } = await import('@/stores/datasets')

/**
 * Provena's list as it behaves: the page limit is applied before the access filter, so a page comes back
 * short while a key remains. Here 130 datasets, every seventh hidden from the caller (112 visible), and
 * each answer arrives on a later turn of the event loop, as over a network.
 */
function provenaLikeList(total = 130) {
  const all = Array.from({ length: total }, (_, index) => itemDataset(`10378.1/${index}`))
  fakes.listDatasets.mockImplementation(async (request) => {
    await new Promise((resolve) => setTimeout(resolve, 1))
    const start = Number(request.pagination_key?.at ?? 0)
    const end = start + (request.page_size ?? 20)
    const visible = all.slice(start, end).filter((_, offset) => (start + offset) % 7 !== 6)
    return listPage(visible, end < total ? { at: end } : null)
  })
}

function listPageOf() {
  const store = useDatasetsStore()
  const size = ref(20)
  const scope = effectScope()
  const pages = scope.run(() =>
    useLoadedPages(
      computed(() => store.items),
      size,
      { available: () => store.mode === 'browse' && !store.complete, load: () => store.loadMore() },
      [],
    ),
  )!
  /** What the view does when the rows-per-page control changes: a new size and a fresh load. */
  const setSize = (next: number) => {
    size.value = next
    return store.browse({ sort: 'updated-desc' as ListSort, pageSize: next, uriPrefix: '' })
  }
  const shownIds = () => pages.pageRows.value.map((item) => Number(item.id.split('/')[1]))
  return { store, pages, setSize, shownIds }
}

beforeEach(() => {
  setActivePinia(createPinia())
  fakes.listDatasets.mockReset()
  provenaLikeList()
})

describe('paging over short server pages', () => {
  it('fills page one and turns to rows 51–100 after growing from 20 to 50 rows per page', async () => {
    const { pages, setSize, shownIds } = listPageOf()
    await setSize(20)
    await pages.next()
    expect(pages.range.value).toBe('Rows 21–40 of 40 loaded')
    await setSize(50)
    await nextTick()
    expect(pages.pageIndex.value).toBe(0)
    expect(pages.pageRows.value).toHaveLength(50)
    await pages.next()
    expect(pages.range.value).toBe('Rows 51–100 of 100 loaded')
    expect(shownIds()[0]).toBe(58) // 0–57 holds 50 visible rows: 58 raw minus 8 hidden
  })

  it('waits for a page-size change still topping up a short page before turning', async () => {
    const { pages, setSize } = listPageOf()
    const changing = setSize(50)
    // Next pressed while the first short page (43 visible of 50) is being topped up.
    await new Promise((resolve) => setTimeout(resolve, 2))
    const turning = pages.next()
    await Promise.all([changing, turning])
    expect(pages.range.value).toBe('Rows 51–100 of 100 loaded')
  })

  it('keeps full pages after shrinking from 50 to 20 and pages on to the end', async () => {
    const { store, pages, setSize } = listPageOf()
    await setSize(50)
    await pages.next()
    await setSize(20)
    await nextTick()
    expect(pages.range.value).toBe('Rows 1–20 of 20 loaded')
    const seen: string[] = [pages.range.value]
    while (pages.hasNext.value) {
      await pages.next()
      seen.push(pages.range.value)
    }
    expect(seen.slice(0, 3)).toEqual(['Rows 1–20 of 20 loaded', 'Rows 21–40 of 40 loaded', 'Rows 41–60 of 60 loaded'])
    expect(seen.at(-1)).toBe('Rows 101–112 of 112 loaded')
    expect(store.complete).toBe(true)
    expect(new Set(store.items.map((item) => item.id)).size).toBe(112)
  })

  it('does not turn twice on a double press', async () => {
    const { pages, setSize } = listPageOf()
    await setSize(20)
    await Promise.all([pages.next(), pages.next()])
    expect(pages.range.value).toBe('Rows 21–40 of 40 loaded')
  })
})
