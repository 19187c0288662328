import { COLLECTION_FORMAT_MODEL } from '../../http/validator'
import { SORT_TYPES } from '../../domain/listing'

/** Request models as JSON Schema: Fastify validates with them and the OpenAPI document shows them. */
const str = { type: 'string' } as const
const bool = { type: 'boolean' } as const

export const collectionFormatBody = {
  type: 'object',
  'x-model': COLLECTION_FORMAT_MODEL,
  description: 'CollectionFormat: the dataset metadata. Its JSON Schema is served by GET /metadata/dataset-schema.',
}

export const handleIdQuery = { type: 'object', required: ['handle_id'], properties: { handle_id: str } }

export const updateQuery = { type: 'object', required: ['handle_id', 'reason'], properties: { handle_id: str, reason: str } }

export const revertBody = {
  type: 'object',
  required: ['id', 'history_id', 'reason'],
  properties: { id: str, history_id: { type: 'integer' }, reason: str },
}

export const versionBody = { type: 'object', required: ['id', 'reason'], properties: { id: str, reason: str } }

export const sortOptions = {
  type: ['object', 'null'],
  properties: {
    sort_type: { enum: [...SORT_TYPES, null] },
    ascending: { type: 'boolean', default: false },
    begins_with: { type: ['string', 'null'] },
  },
}

export const listBody = {
  type: 'object',
  properties: {
    sort_by: sortOptions,
    pagination_key: { type: ['object', 'null'] },
    // Provena sets no bounds; a page size below 1 only makes its database fail (500), so it is refused here.
    page_size: { type: 'integer', default: 20, minimum: 1 },
  },
}

export const presignedBody = {
  type: 'object',
  required: ['dataset_id', 'file_path'],
  properties: { dataset_id: str, file_path: str, expires_in: { type: 'integer', default: 10800, minimum: 1, maximum: 86400 } },
}

export const credentialsBody = {
  type: 'object',
  required: ['dataset_id', 'console_session_required'],
  properties: { dataset_id: str, console_session_required: bool },
}

export const reviewerQuery = { type: 'object', required: ['reviewer_id'], properties: { reviewer_id: str } }

export const approvalRequestBody = {
  type: 'object',
  required: ['dataset_id', 'approver_id', 'notes'],
  properties: { dataset_id: str, approver_id: str, notes: str },
}

export const actionApprovalBody = {
  type: 'object',
  required: ['dataset_id', 'approve', 'notes'],
  properties: { dataset_id: str, approve: bool, notes: str },
}

export const adminConfigQuery = { type: 'object', properties: { required_only: { type: 'boolean', default: true } } }
