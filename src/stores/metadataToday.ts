import { validateMetadata } from '@/api/datastore'
import type { JsonSchema } from '@/api/models/common'
import type { CollectionFormat } from '@/api/models/registry'
import { problemsFromDetails } from '@/metadata/serverProblems'
import { schemaFields } from '@/metadata/uiSchema'
import { metadataChecker, type MetadataProblem } from '@/metadata/validate'

/** Whether metadata passes today's schema and rules; `details` is the data store's refusal, as sent. */
export interface TodayCheck {
  problems: MetadataProblem[]
  details: string | null
}

/**
 * Checks metadata the way saving it would: our checker first (it names fields), then the data store's
 * validate-metadata (it knows the registry: an organisation that no longer exists). For stores to call.
 */
export async function checkAgainstToday(schema: JsonSchema, metadata: CollectionFormat, signal?: AbortSignal): Promise<TodayCheck> {
  const local = metadataChecker(schema)(metadata)
  if (local.length) return { problems: local, details: null }
  const status = await validateMetadata(metadata, signal)
  if (status.success) return { problems: [], details: null }
  return { problems: problemsFromDetails(status.details, schemaFields(schema).map((field) => field.path)), details: status.details }
}
