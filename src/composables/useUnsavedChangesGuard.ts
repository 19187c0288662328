import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useDialogsStore } from '@/stores/dialogs'

/** Asks before leaving a page with unsaved changes: in-app navigation through our dialog, a tab close through the browser's. */
export function useUnsavedChangesGuard(dirty: Ref<boolean>, what = 'Your changes') {
  const dialogs = useDialogsStore()
  onBeforeRouteLeave((to) => {
    if (!dirty.value) return true
    // An ended session can save nothing here: staying would strand the user. The draft is written as the
    // page unmounts and offered back after signing in.
    if (to.name === 'signin' && to.query.reason === 'expired') return true
    return dialogs.confirm({
      title: 'Leave without saving?',
      text: `${what} are not saved. They stay on this device as a draft, offered back when you return.`,
      confirmText: 'Leave',
      cancelText: 'Stay',
      destructive: true,
    })
  })
  const warn = (event: BeforeUnloadEvent) => {
    if (!dirty.value) return
    event.preventDefault()
    // Older browsers show their prompt only when returnValue is set.
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', warn))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', warn))
}
