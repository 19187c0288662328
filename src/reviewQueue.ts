import type { ItemDataset, ReleaseAction, ReleasedStatus } from '@/api/models/registry'
import { latestRequest } from '@/release'

/** One dataset in a reviewer's queue, as the table shows it; keeps wire names where it repeats them. */
export interface QueueRow {
  id: string
  display_name: string
  version: number
  release_status: ReleasedStatus
  /** Person id of whoever made the latest request. */
  requester: string | null
  requested_at: number | null
  /** The latest request's notes, first line only. */
  notes: string
  /** Person id of the reviewer asked (kept after a decision). */
  release_approver: string | null
  /** The latest step's notes, first line only: a rejection's notes tell the requester what to fix. */
  last_notes: string
  last_action: ReleaseAction | null
  last_at: number | null
}

const firstLine = (text: string | null | undefined) => (text ?? '').split('\n')[0].trim()

export function queueRow(item: ItemDataset): QueueRow {
  const request = latestRequest(item)
  const last = item.release_history.at(-1)
  return {
    id: item.id,
    display_name: item.display_name,
    version: item.versioning_info?.version ?? 1,
    release_status: item.release_status,
    requester: request?.requester ?? null,
    requested_at: request?.timestamp ?? null,
    notes: firstLine(request?.notes),
    release_approver: item.release_approver ?? last?.approver ?? null,
    last_notes: firstLine(last?.notes),
    last_action: last?.action ?? null,
    last_at: last?.timestamp ?? null,
  }
}

export const QUEUE_VIEWS = [
  { value: 'open', title: 'Open' },
  { value: 'decided', title: 'Decided by me' },
  { value: 'all', title: 'All' },
  { value: 'mine', title: 'My requests' },
] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]['value']

/** Reviewers work Open, Decided and All; everyone sees their own requests. */
export const allowedViews = (isReviewer: boolean): QueueView[] => (isReviewer ? ['open', 'decided', 'all', 'mine'] : ['mine'])

export const QUEUE_SORTS = {
  'requested-asc': { title: 'Oldest request first', key: 'requested_at', ascending: true },
  'requested-desc': { title: 'Newest request first', key: 'requested_at', ascending: false },
  'name-asc': { title: 'Name, A to Z', key: 'display_name', ascending: true },
  'name-desc': { title: 'Name, Z to A', key: 'display_name', ascending: false },
  'action-desc': { title: 'Latest action first', key: 'last_at', ascending: false },
} as const satisfies Record<string, { title: string; key: keyof QueueRow; ascending: boolean }>
export type QueueSort = keyof typeof QUEUE_SORTS

/** Open requests are worked oldest first; decided and past ones are read newest first. */
export function defaultSort(view: QueueView): QueueSort {
  return view === 'open' ? 'requested-asc' : 'action-desc'
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Sorted and filtered rows; `names` gives requesters' names, so a filter can match them too. */
export function arrangeQueue(rows: QueueRow[], sort: QueueSort, filter: string, names: (personId: string) => string | null = () => null): QueueRow[] {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean)
  const matching = words.length
    ? rows.filter((row) => {
        const text = [row.display_name, row.id, row.notes, row.requester ? (names(row.requester) ?? '') : ''].join(' ').toLowerCase()
        return words.every((word) => text.includes(word))
      })
    : rows
  const { key, ascending } = QUEUE_SORTS[sort]
  const direction = ascending ? 1 : -1
  return [...matching].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    // Rows without the value (never requested) go last either way.
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1
    if (y === null || y === undefined) return -1
    const order = typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : Number(x) - Number(y)
    return order * direction || collator.compare(a.id, b.id)
  })
}

const WEEK = 7 * 86400
const MONTH = 30 * 86400
const YEAR = 365 * 86400
/** Units a lone one of is said in the next smaller unit ("10 days", "5 weeks", "14 months"). */
const SAID_SMALLER = new Set([WEEK, MONTH, YEAR])
const UNITS: [seconds: number, one: string, many: string][] = [
  [YEAR, 'a year', 'years'],
  [MONTH, 'a month', 'months'],
  [WEEK, 'a week', 'weeks'],
  [86400, 'a day', 'days'],
  [3600, 'an hour', 'hours'],
  [60, 'a minute', 'minutes'],
]

/** How long ago, in the words a reviewer scans for: "an hour", "3 days", "10 days", "5 weeks", "14 months". */
export function ageText(then: number, now: number): string {
  const seconds = Math.max(0, now - then)
  for (const [size, one, many] of UNITS) {
    const count = Math.floor(seconds / size)
    if (count >= 2) return `${count} ${many}`
    if (count === 1 && !SAID_SMALLER.has(size)) return one
  }
  return 'under a minute'
}
