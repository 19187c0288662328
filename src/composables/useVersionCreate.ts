import { computed, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import type { ItemDataset } from '@/api/models/registry'
import { datasetRoute } from '@/datasetRoutes'
import { NEW_VERSION_POINTS, versionBlocker } from '@/versioning'
import { useDatasetStore } from '@/stores/dataset'
import { useDatasetVersionCreateStore } from '@/stores/datasetVersionCreate'
import { useDatasetVersionsStore } from '@/stores/datasetVersions'
import { useDialogsStore } from '@/stores/dialogs'
import { useSessionStore } from '@/stores/session'

/**
 * "Create new version" for the dataset on screen: whether it is possible (and why not), then what it means
 * and why, asked in the reason dialog, then the new version's page. A failure keeps the reason for the next
 * try, and reads the dataset again: another tab may have versioned it meanwhile.
 */
export function useVersionCreate(item: Ref<ItemDataset>) {
  const router = useRouter()
  const dataset = useDatasetStore()
  const session = useSessionStore()
  const creating = useDatasetVersionCreateStore()
  const versions = useDatasetVersionsStore()
  const dialogs = useDialogsStore()

  const blocker = computed(() => versionBlocker(item.value, dataset.roles, dataset.locked, session.canWrite))
  const nextNumber = computed(() => (item.value.versioning_info?.version ?? 1) + 1)
  const mine = computed(() => creating.forId === item.value.id)
  const busy = computed(() => mine.value && creating.status === 'loading')
  const failure = computed(() => (mine.value && creating.status === 'error' ? creating.error : null))

  async function start() {
    const id = item.value.id
    const draftKey = `version:${id}`
    const reason = await dialogs.askReason({
      title: `Create version ${nextNumber.value} of this dataset?`,
      label: 'Reason for the new version',
      text: 'A new version carries this dataset forward:',
      points: NEW_VERSION_POINTS,
      draftKey,
      confirmText: 'Create version',
    })
    if (reason === null) return
    if (!(await creating.create(id, reason))) {
      if (creating.forId === id && creating.status === 'error') void dataset.reload()
      return
    }
    dialogs.forgetReasonDraft(draftKey)
    versions.forget(id)
    const { new_version_id, version_job_session_id } = creating.created!
    await router.push(datasetRoute(new_version_id, 'overview', { versioned: version_job_session_id, from: id }))
  }

  return { blocker, nextNumber, busy, failure, start }
}
