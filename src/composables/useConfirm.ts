import { shallowRef } from 'vue'

export interface ConfirmOptions {
  title: string
  text: string
  confirmText?: string
  cancelText?: string
  /** Marks an action that destroys or discards something. */
  destructive?: boolean
}

interface PendingConfirm {
  options: ConfirmOptions
  resolve: (confirmed: boolean) => void
}

const pending = shallowRef<PendingConfirm | null>(null)

/** Asks the user to confirm; resolves true on confirm and false on cancel, Escape or a newer question. */
export function useConfirm() {
  return function confirm(options: ConfirmOptions): Promise<boolean> {
    pending.value?.resolve(false)
    return new Promise<boolean>((resolve) => {
      pending.value = { options, resolve }
    })
  }
}

/** For the one AppConfirmDialog in the shell: the open question and how to answer it. */
export function useConfirmState() {
  function answer(confirmed: boolean) {
    const current = pending.value
    pending.value = null
    current?.resolve(confirmed)
  }
  return { pending, answer }
}
