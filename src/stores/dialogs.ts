import { readStoredUser } from '@/auth/storedUser'
import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { RouteLocationRaw } from 'vue-router'

export interface ConfirmOptions {
  title: string
  text: string
  confirmText?: string
  cancelText?: string
  /** Facts to weigh before answering, shown as a list under `text`. */
  points?: string[]
  /** What the action touches, each with a page to look at first (following one cancels the question). */
  links?: { text: string; to: RouteLocationRaw }[]
  /** Marks an action that destroys or discards something. */
  destructive?: boolean
}

export interface ReasonOptions {
  title: string
  /** The field's label, e.g. "Reason for the update". */
  label: string
  /** What the reason is for, shown above the field. */
  text?: string
  /** Facts the user should know before answering, shown as a list under `text`. */
  points?: string[]
  /**
   * Keeps the typed reason on this device (this user's, see draftStorageKey) under this key until `forgetReasonDraft(key)`,
   * so a failed action, an expired session or a reload never loses it: asking again with the same key
   * offers the text back. The caller forgets it once the action has succeeded.
   */
  draftKey?: string
  /** Text the field starts with, e.g. "Revert to entry 3: ". */
  prefill?: string
  /** Characters required after trimming; 1 by default, since every reason Provena records is required. */
  minLength?: number
  maxLength?: number
  confirmText?: string
}

export type OpenDialog =
  | { kind: 'confirm'; options: ConfirmOptions; resolve: (confirmed: boolean) => void }
  | { kind: 'reason'; options: ReasonOptions; resolve: (reason: string | null) => void }

const DRAFT_PREFIX = 'reason-draft:'

/**
 * Reason drafts live in localStorage, so closing the tab loses none, under the signed-in username, so another
 * account on the same browser never sees them; signing out removes them (removeReasonDraftsOf).
 */
function draftStorageKey(key: string): string {
  const username = readStoredUser()?.profile.preferred_username
  return `${DRAFT_PREFIX}${typeof username === 'string' ? username : ''}:${key}`
}

export function readReasonDraft(key: string): string | null {
  return localStorage.getItem(draftStorageKey(key))
}

export function writeReasonDraft(key: string, text: string) {
  try {
    localStorage.setItem(draftStorageKey(key), text)
  } catch {
    // Storage full or turned off: the dialog keeps the text while it is open, as before.
  }
}

function forgetReasonDraft(key: string) {
  localStorage.removeItem(draftStorageKey(key))
}

export function removeReasonDraftsOf(username: string) {
  const prefix = `${DRAFT_PREFIX}${username}:`
  for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key)
}

/**
 * The one question the shell's dialogs are asking, answered through a promise: `await confirm(...)`,
 * `await askReason(...)`. A newer question answers the older one as cancelled.
 */
export const useDialogsStore = defineStore('dialogs', () => {
  const open = shallowRef<OpenDialog | null>(null)

  function cancel() {
    const current = open.value
    open.value = null
    if (current?.kind === 'confirm') current.resolve(false)
    else current?.resolve(null)
  }

  /** Resolves true on confirm; false on cancel, Escape or a newer question. */
  function confirm(options: ConfirmOptions): Promise<boolean> {
    cancel()
    return new Promise((resolve) => (open.value = { kind: 'confirm', options, resolve }))
  }

  /** Resolves to the trimmed reason; null on cancel, Escape or a newer question. */
  function askReason(options: ReasonOptions): Promise<string | null> {
    cancel()
    return new Promise((resolve) => (open.value = { kind: 'reason', options, resolve }))
  }

  function answer(value: true | string) {
    const current = open.value
    open.value = null
    if (current?.kind === 'confirm') current.resolve(true)
    else if (current?.kind === 'reason' && typeof value === 'string') current.resolve(value.trim())
  }

  return { open, confirm, askReason, answer, cancel, forgetReasonDraft }
})
