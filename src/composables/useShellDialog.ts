import { computed } from 'vue'
import { useDialogsStore, type OpenDialog } from '@/stores/dialogs'
import { useReturnFocus } from './useReturnFocus'

type OptionsOf<K extends OpenDialog['kind']> = Extract<OpenDialog, { kind: K }>['options']

/** For one of the shell's dialogs: its open question (when it is of this kind), a v-model for it, and focus return. */
export function useShellDialog<K extends OpenDialog['kind']>(kind: K) {
  const dialogs = useDialogsStore()
  const question = computed(() => (dialogs.open?.kind === kind ? (dialogs.open.options as OptionsOf<K>) : null))
  // Closing by Escape or a click outside is a cancel.
  const shown = computed({
    get: () => question.value !== null,
    set: (value: boolean) => {
      if (!value) dialogs.cancel()
    },
  })
  useReturnFocus(shown)
  return { dialogs, question, shown }
}
