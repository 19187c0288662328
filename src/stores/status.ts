import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { isCancelled, toApiError, type ApiError } from '@/api/errors'

/** The one status every async store action has. */
export type AsyncStatus = 'idle' | 'loading' | 'success' | 'error'

/**
 * How a new run meets one still under way:
 * - `latest-wins` (reads): the old one is aborted and its late answer ignored;
 * - `one-at-a-time` (writes): the new one is refused, since a sent POST cannot be taken back and a double
 *   click must not write twice.
 */
export type RequestPolicy = 'latest-wins' | 'one-at-a-time'

/** After this long without an answer a run counts as slow, so a view can say it is still waiting. */
export const SLOW_AFTER_MS = 1_500

export interface TrackedRequest {
  readonly status: Ref<AsyncStatus>
  readonly error: ShallowRef<ApiError | null>
  /** True while the run under way has gone SLOW_AFTER_MS without an answer. */
  readonly slow: Ref<boolean>
  /**
   * Runs `task` with its own AbortSignal, then `apply` with its result unless a newer run has started
   * meanwhile. Resolves true when this run's result was applied; false when it failed (see `error`), was
   * superseded or stopped, or (one-at-a-time) was refused. Never rejects.
   */
  run<T>(task: (signal: AbortSignal) => Promise<T>, apply?: (result: T) => void): Promise<boolean>
  /** Aborts the run under way, if any, and sets the status to `after` (the error is cleared). */
  stop(after?: AsyncStatus): void
}

/** A status and error for one kind of store action, with the rule for overlapping runs built in. */
export function useTrackedRequest(policy: RequestPolicy = 'latest-wins'): TrackedRequest {
  const status = ref<AsyncStatus>('idle')
  const error = shallowRef<ApiError | null>(null)
  const slow = ref(false)
  let current: AbortController | null = null
  let slowTimer: ReturnType<typeof setTimeout> | undefined

  async function run<T>(task: (signal: AbortSignal) => Promise<T>, apply?: (result: T) => void): Promise<boolean> {
    if (current && policy === 'one-at-a-time') return false
    current?.abort()
    const controller = new AbortController()
    current = controller
    const { signal } = controller
    status.value = 'loading'
    error.value = null
    clearTimeout(slowTimer)
    slow.value = false
    slowTimer = setTimeout(() => current === controller && (slow.value = true), SLOW_AFTER_MS)
    try {
      const result = await task(signal)
      if (signal.aborted) return false
      apply?.(result)
      status.value = 'success'
      return true
    } catch (caught) {
      if (signal.aborted || isCancelled(caught)) return false
      error.value = toApiError(caught)
      status.value = 'error'
      return false
    } finally {
      if (current === controller) {
        current = null
        clearTimeout(slowTimer)
        slow.value = false
      }
    }
  }

  function stop(after: AsyncStatus = 'idle') {
    current?.abort()
    current = null
    clearTimeout(slowTimer)
    slow.value = false
    status.value = after
    error.value = null
  }

  return { status, error, slow, run, stop }
}
