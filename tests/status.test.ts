import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/errors'
import { SLOW_AFTER_MS, useTrackedRequest } from '@/stores/status'

/** A task that settles when the test says so, recording the signal it was given. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  let signal!: AbortSignal
  const task = (given: AbortSignal) => {
    signal = given
    return new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
  }
  return { task, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e), signal: () => signal }
}

describe('useTrackedRequest', () => {
  it('latest wins: a newer run aborts the one before, whose late answer is never applied', async () => {
    const request = useTrackedRequest()
    const applied: string[] = []
    const first = deferred<string>()
    const second = deferred<string>()
    const one = request.run(first.task, (v) => applied.push(v))
    const two = request.run(second.task, (v) => applied.push(v))
    expect(first.signal().aborted).toBe(true)
    expect(request.status.value).toBe('loading')
    first.resolve('late')
    second.resolve('new')
    expect(await one).toBe(false)
    expect(await two).toBe(true)
    expect(applied).toEqual(['new'])
    expect(request.status.value).toBe('success')
  })

  it('records a failure as an ApiError, and a failing apply too; a cancelled run records nothing', async () => {
    const request = useTrackedRequest()
    expect(await request.run(async () => Promise.reject(new ApiError('server', 500, 'boom')))).toBe(false)
    expect(request.status.value).toBe('error')
    expect(request.error.value).toMatchObject({ kind: 'server', detail: 'boom' })
    expect(await request.run(async () => 1, () => { throw new ApiError('soft-failure', 200, 'no item') })).toBe(false)
    expect(request.error.value?.kind).toBe('soft-failure')
    const pending = deferred<number>()
    const run = request.run(pending.task)
    request.stop()
    pending.reject(new DOMException('aborted', 'AbortError'))
    expect(await run).toBe(false)
    expect(request.status.value).toBe('idle')
    expect(request.error.value).toBeNull()
  })

  it('one at a time: a second run while one is under way is refused and the first goes on', async () => {
    const saving = useTrackedRequest('one-at-a-time')
    let calls = 0
    const pending = deferred<string>()
    const first = saving.run((signal) => {
      calls++
      return pending.task(signal)
    })
    expect(await saving.run(async () => calls++)).toBe(false)
    expect(calls).toBe(1)
    expect(pending.signal().aborted).toBe(false)
    pending.resolve('saved')
    expect(await first).toBe(true)
    expect(await saving.run(async () => calls++)).toBe(true)
    expect(calls).toBe(2)
  })

  it('counts a run as slow after SLOW_AFTER_MS without an answer, and no longer once it settles or stops', async () => {
    vi.useFakeTimers()
    try {
      const request = useTrackedRequest('one-at-a-time')
      const first = deferred<string>()
      const run = request.run(first.task)
      vi.advanceTimersByTime(SLOW_AFTER_MS - 1)
      expect(request.slow.value).toBe(false)
      vi.advanceTimersByTime(1)
      expect(request.slow.value).toBe(true)
      first.resolve('late but fine')
      await run
      expect(request.slow.value).toBe(false)
      const second = deferred<string>()
      void request.run(second.task)
      vi.advanceTimersByTime(SLOW_AFTER_MS)
      expect(request.slow.value).toBe(true)
      request.stop()
      expect(request.slow.value).toBe(false)
      // A quick answer never shows as slow, even if the timer would have fired later.
      void request.run(() => Promise.resolve('quick'))
      await vi.advanceTimersByTimeAsync(SLOW_AFTER_MS * 2)
      expect(request.slow.value).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })

  it('stop keeps what was applied and sets the status asked for', async () => {
    const request = useTrackedRequest()
    const pending = deferred<void>()
    void request.run(pending.task)
    request.stop('success')
    expect(pending.signal().aborted).toBe(true)
    expect(request.status.value).toBe('success')
  })
})
