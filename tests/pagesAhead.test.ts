import { describe, expect, it } from 'vitest'
import { readPagesAhead } from '@/stores/pagesAhead'

/** A listing of three pages keyed 0, 1, 2, recording what happened in order. */
function listing(fail?: number) {
  const events: string[] = []
  const ask = async (key: number | null) => {
    events.push(`ask ${key ?? 0}`)
    if (key === fail) throw new Error(`page ${key} failed`)
    return { n: key ?? 0 }
  }
  const nextKey = (page: { n: number }) => (page.n < 2 ? page.n + 1 : null)
  return { events, ask, nextKey }
}

describe('readPagesAhead', () => {
  it('asks for each next page before showing the one before it, and shows every page in order', async () => {
    const { events, ask, nextKey } = listing()
    await readPagesAhead(null, ask, nextKey, (page) => events.push(`show ${page.n}`), new AbortController().signal)
    expect(events).toEqual(['ask 0', 'ask 1', 'show 0', 'ask 2', 'show 1', 'show 2'])
  })

  it('shows nothing more once aborted, and the page asked for ahead fails with nothing unhandled', async () => {
    const { events, ask, nextKey } = listing(1)
    const stop = new AbortController()
    const read = readPagesAhead(null, ask, nextKey, (page) => {
      events.push(`show ${page.n}`)
      stop.abort()
    }, stop.signal)
    await expect(read).rejects.toThrow('page 1 failed')
    expect(events).toEqual(['ask 0', 'ask 1', 'show 0'])
  })
})
