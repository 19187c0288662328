import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import type { CollectionFormat } from '@/api/models/registry'
import { latestDraftFor, removeDraft, saveDraft, type Draft, type DraftKey } from '@/metadata/drafts'
import { sameValue } from '@/metadata/paths'

/** How long typing must pause before the draft is written: often enough to lose nothing, rarely enough to cost nothing. */
const SAVE_DELAY_MS = 400

export interface DraftState {
  record: Ref<CollectionFormat | null>
  reason: Ref<string>
  /** What the record held when the edit began (the dataset's current metadata, or the empty form). */
  base: Ref<CollectionFormat | null>
}

/**
 * Keeps the editor's work in a local draft while the user types, and finds a draft left by an earlier visit
 * (a reload, a crash, an expired session) to offer back.
 */
export function useMetadataDraft(key: Ref<DraftKey | null>, state: DraftState, clonedFrom: Ref<string | null> = ref(null)) {
  const offered = shallowRef<{ key: DraftKey; draft: Draft } | null>(null)
  const savedAt = ref<number | null>(null)
  const storageFailed = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  /** Set once the work is saved: nothing is written again for this edit. */
  let closed = false

  /** Looks for a draft of this user and dataset once the editor has its starting record. */
  function lookForDraft() {
    const current = key.value
    if (!current) return
    const found = latestDraftFor(current.username, current.datasetId)
    const unchanged = found && sameValue(found.draft.value, state.record.value) && found.draft.reason === state.reason.value
    offered.value = found && !unchanged ? found : null
  }

  function write() {
    const current = key.value
    if (closed || !current || !state.record.value || offered.value) return
    const dirty = !sameValue(state.record.value, state.base.value) || state.reason.value.trim() !== ''
    if (!dirty) {
      removeDraft(current)
      return
    }
    const draft: Draft = { savedAt: Date.now(), value: state.record.value, base: state.base.value, reason: state.reason.value, clonedFrom: clonedFrom.value }
    storageFailed.value = !saveDraft(current, draft)
    if (!storageFailed.value) savedAt.value = draft.savedAt
  }

  // The record is replaced, never mutated, on every change: a shallow watch sees each one.
  watch([state.record, state.reason], () => {
    clearTimeout(timer)
    timer = setTimeout(write, SAVE_DELAY_MS)
  })
  // Leaving the page (or the tab) writes at once, so the last keystrokes are never lost to the delay.
  const flush = () => {
    clearTimeout(timer)
    write()
  }
  window.addEventListener('pagehide', flush)
  onBeforeUnmount(() => {
    window.removeEventListener('pagehide', flush)
    flush()
  })

  /** The offered draft, now taken up: it becomes this edit's draft (under this edit's key). */
  function accept(): Draft | null {
    const found = offered.value
    offered.value = null
    if (found && key.value && found.key.baseHistoryId !== key.value.baseHistoryId) removeDraft(found.key)
    return found?.draft ?? null
  }

  function discard() {
    if (offered.value) removeDraft(offered.value.key)
    offered.value = null
  }

  /** After a save: the draft has done its work. */
  function clear() {
    closed = true
    clearTimeout(timer)
    if (key.value) removeDraft(key.value)
    savedAt.value = null
  }

  return { offered, savedAt, storageFailed, lookForDraft, accept, discard, clear }
}
