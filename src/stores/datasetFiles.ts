import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { generatePresignedUrl } from '@/api/datastore'
import type { ItemDataset } from '@/api/models/registry'
import { listObjects, type StorageObject } from '@/api/storage'
import { toApiError } from '@/api/errors'
import { useTrackedRequest } from './status'
import { readCredentials } from './storageCredentialCache'
import { readPagesAhead } from './pagesAhead'

const PAGE = 1000

/**
 * The files of the dataset on screen, read from storage with read credentials fetched on demand and renewed
 * before they expire. Pages show as they arrive, so a dataset of thousands of files fills the table at once.
 */
export const useDatasetFilesStore = defineStore('datasetFiles', () => {
  const datasetId = ref<string | null>(null)
  const objects = shallowRef<StorageObject[]>([])
  const complete = ref(false)
  const reading = useTrackedRequest()
  const linking = useTrackedRequest()

  function load(item: ItemDataset) {
    if (datasetId.value !== item.id) {
      datasetId.value = item.id
      objects.value = []
    }
    complete.value = false
    return reading.run(async (signal) => {
      try {
        await listAll(item, signal)
      } catch (error) {
        // Storage refused the credentials (expired early, or revoked): the next try asks for new ones.
        if (toApiError(error).kind === 'unauthenticated') readCredentials.drop()
        throw error
      }
    })
  }

  async function listAll(item: ItemDataset, signal: AbortSignal) {
    const credentials = await readCredentials.get(item.id)
    signal.throwIfAborted()
    const found: StorageObject[] = []
    // Each page shows in a task of its own, apart from the reading of the next.
    await readPagesAhead(
      null as string | null,
      (token) => listObjects(credentials, { bucket: item.s3.bucket_name, prefix: item.s3.path, continuation_token: token, max_keys: PAGE }, signal),
      (page) => page.next_continuation_token ?? null,
      (page) => {
        found.push(...page.objects)
        objects.value = [...found]
      },
      signal,
    )
    complete.value = true
  }

  /** A presigned link to one file (the data store's generate-presigned-url), for downloading or sharing. */
  async function linkTo(item: ItemDataset, path: string): Promise<string | null> {
    let url: string | null = null
    await linking.run((signal) => generatePresignedUrl({ dataset_id: item.id, file_path: path }, signal), (response) => (url = response.presigned_url))
    return url
  }

  return { datasetId, objects, complete, status: reading.status, error: reading.error, linkStatus: linking.status, linkError: linking.error, load, linkTo }
})

