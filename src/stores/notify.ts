import { ref } from 'vue'
import { defineStore } from 'pinia'

export type NoticeKind = 'success' | 'info' | 'warning' | 'error'

export interface Notice {
  text: string
  color: NoticeKind
  /** Milliseconds on screen; -1 keeps it until dismissed. */
  timeout: number
}

/** The one queue of result messages shown in the app's snackbar, one at a time. */
export const useNotifyStore = defineStore('notify', () => {
  const queue = ref<Notice[]>([])

  function notify(text: string, kind: NoticeKind = 'info') {
    // Errors stay until dismissed, so nobody misses why something failed.
    queue.value.push({ text, color: kind, timeout: kind === 'error' ? -1 : 6000 })
  }

  return { queue, notify }
})
