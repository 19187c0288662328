import { describe, expect, it } from 'vitest'
import { ageText, arrangeQueue, queueRow } from '@/reviewQueue'
import { itemDataset, releaseEntry } from './builders'

const NOW = 1_800_000_000
const DAY = 86400

describe('ageText', () => {
  it('says the age in the unit a reviewer scans for', () => {
    expect(ageText(NOW - 20, NOW)).toBe('under a minute')
    expect(ageText(NOW - 90, NOW)).toBe('a minute')
    expect(ageText(NOW - 3 * 3600 - 5, NOW)).toBe('3 hours')
    expect(ageText(NOW - DAY, NOW)).toBe('a day')
    expect(ageText(NOW - 3 * DAY - 100, NOW)).toBe('3 days')
    expect(ageText(NOW - 10 * DAY, NOW)).toBe('10 days')
    expect(ageText(NOW - 15 * DAY, NOW)).toBe('2 weeks')
    expect(ageText(NOW - 40 * DAY, NOW)).toBe('5 weeks')
    expect(ageText(NOW - 99 * 7 * DAY, NOW)).toBe('23 months')
    expect(ageText(NOW - 800 * DAY, NOW)).toBe('2 years')
    // A clock behind the server's never gives a negative age.
    expect(ageText(NOW + 30, NOW)).toBe('under a minute')
  })
})

describe('the queue rows', () => {
  const item = (id: string, name: string, requestedAt: number, notes = 'Please review\nsecond line') => {
    const dataset = itemDataset(id, { name, release: { release_status: 'PENDING', release_history: [releaseEntry('REQUEST', requestedAt, 'p-rev', 'p-req', notes)] } })
    return queueRow(dataset)
  }

  it('take the latest request: who, when, and the first line of its notes', () => {
    const dataset = itemDataset('10378.1/1', {
      release: {
        release_status: 'PENDING',
        release_history: [releaseEntry('REQUEST', 10, 'p-rev', 'p-a', 'first'), releaseEntry('REJECT', 20), releaseEntry('REQUEST', 30, 'p-rev', 'p-b', 'again\nmore')],
      },
    })
    expect(queueRow(dataset)).toMatchObject({ requester: 'p-b', requested_at: 30, notes: 'again', last_action: 'REQUEST', last_at: 30, release_approver: 'p-rev' })
    const rejected = itemDataset('10378.1/5', { release: { release_status: 'NOT_RELEASED', release_history: [releaseEntry('REQUEST', 10), releaseEntry('REJECT', 20, 'p-rev', null, 'Add a citation\nand units')] } })
    expect(queueRow(rejected)).toMatchObject({ last_action: 'REJECT', last_notes: 'Add a citation', release_approver: 'p-rev' })
  })

  it('sort oldest first by default for open work, and filter on name, handle, notes and requester', () => {
    const rows = [item('10378.1/2', 'Coral cover', NOW - 2 * DAY), item('10378.1/3', 'Reef fish', NOW - 5 * DAY, 'Fish counts'), item('10378.1/4', 'Algae', NOW - DAY)]
    expect(arrangeQueue(rows, 'requested-asc', '').map((r) => r.display_name)).toEqual(['Reef fish', 'Coral cover', 'Algae'])
    expect(arrangeQueue(rows, 'name-asc', '').map((r) => r.display_name)).toEqual(['Algae', 'Coral cover', 'Reef fish'])
    expect(arrangeQueue(rows, 'requested-asc', 'fish COUNTS').map((r) => r.id)).toEqual(['10378.1/3'])
    expect(arrangeQueue(rows, 'requested-asc', '1/4').map((r) => r.id)).toEqual(['10378.1/4'])
    expect(arrangeQueue(rows, 'requested-asc', 'sam', (id) => (id === 'p-req' ? 'Sam Steward' : null))).toHaveLength(3)
  })
})
