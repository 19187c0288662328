import { useNotifyStore } from '@/stores/notify'

/** Copies text to the clipboard and says so, or says the browser refused (every copy in the console goes through here). */
export function useCopy() {
  const notify = useNotifyStore()
  return async function copy(value: string, message = `Copied ${value}`): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(value)
      notify.notify(message, 'success')
      return true
    } catch {
      notify.notify('The browser did not allow copying. Select the text and copy it instead.', 'warning')
      return false
    }
  }
}
