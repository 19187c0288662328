import { nextTick, watch, type Ref } from 'vue'

/**
 * Gives focus back to whatever had it when a dialog opened, once it closes: the shell's dialogs have no
 * activator for Vuetify to return to, and a keyboard user must not be dropped at the top of the page.
 */
export function useReturnFocus(isOpen: Ref<boolean>) {
  let opener: HTMLElement | null = null
  watch(
    isOpen,
    (open) => {
      if (open) {
        opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
        return
      }
      const target = opener
      opener = null
      if (target) void nextTick(() => target.isConnected && target.focus())
    },
    { immediate: true },
  )
}
