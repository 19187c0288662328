import type { Queryable } from '../db/database'
import { loadDataset } from './datasets'
import { badRequest, DomainError, forbidden, notAuthorised, notFound } from './errors'
import { nowSeconds } from './items'
import { hasAny, ROLES } from './roles'
import { datasetPath, type FileStorage } from './storage'
import type { Caller } from './types'
import { issueCredentials } from './storage-credentials'
import { presignGet } from '../s3/presign'

/** Who may reach a dataset's files, and the links and credentials that reach them (contract §3.9-§3.11). */

const FORBIDDEN_IN_PATHS = ['../', '/../', '..', '//', '\\', '\\\\']
const SESSION_SECONDS = 8 * 3600
const CONSOLE_SESSION_SECONDS = 12 * 3600

export interface DownloadRequest {
  dataset_id: string
  file_path: string
  expires_in: number
}

/**
 * A presigned GET of one file on the stack's S3 endpoint. It is signed with a read credential made for this link
 * alone, lasting as long as the link: the secret stays here, and the link reaches that one key.
 */
export async function presignedDownloadUrl(q: Queryable, storage: FileStorage, caller: Caller, request: DownloadRequest, origin: string) {
  const { dataset_id, file_path, expires_in } = request
  let roles: string[]
  try {
    roles = (await loadDataset(q, caller, dataset_id)).roles
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.kind, `Failed to generate presigned url. Error: ${error.detail}`)
    throw error
  }
  if (!roles.includes('dataset-data-read')) {
    throw notAuthorised('You do not have the dataset-data-read role on this dataset, which downloading its files requires.')
  }
  const forbiddenPart = FORBIDDEN_IN_PATHS.find((part) => file_path.includes(part))
  if (forbiddenPart) throw badRequest(`File path '${file_path}' contains '${forbiddenPart}' which is not allowed.`)
  const key = `${datasetPath(dataset_id)}${file_path}`
  if (!storage.exists(key)) throw notFound(`File path '${file_path}' does not exist in dataset with id ${dataset_id}`)
  const credentials = await issueCredentials(q, key, false, expires_in)
  return presignGet(`${origin}/s3`, storage.bucket, key, credentials, expires_in)
}

export interface CredentialsRequest {
  datasetId: string
  write: boolean
  /** Also a link standing in for the AWS console session on the dataset's folder. */
  consoleSession: boolean
}

/** Registry admins may read and write any dataset's files; writing also needs it unlocked and outside review. */
export async function fileCredentials(q: Queryable, storage: FileStorage, caller: Caller, request: CredentialsRequest, origin: string) {
  const { datasetId, write } = request
  const { item, roles, locked } = await loadDataset(q, caller, datasetId)
  const registryAdmin = caller.roles.includes(ROLES.ER_ADMIN)
  if (write) {
    if (locked) throw notAuthorised('This dataset is locked - you cannot modify the files of a locked dataset. Unlock the dataset first.')
    if (!registryAdmin && !hasAny(roles, ['dataset-data-write', 'admin'])) {
      throw notAuthorised('You do not have sufficient permissions to write to this dataset!')
    }
    if (item.release_status === 'PENDING' || item.release_status === 'RELEASED') {
      throw forbidden(`Dataset ${datasetId} is pending review or is released. Cannot modify dataset files while a review is ongoing.`)
    }
  } else if (!registryAdmin && !hasAny(roles, ['dataset-data-read', 'dataset-data-write', 'admin'])) {
    throw notAuthorised('You do not have sufficient permissions to read from this dataset!')
  }
  const consoleUrl = request.consoleSession ? storage.presign(origin, item.s3.path, CONSOLE_SESSION_SECONDS, nowSeconds()) : null
  // Reads reach the dataset's prefix only: Provena's policy also lists the whole bucket, which shows nothing but key names.
  return { credentials: await issueCredentials(q, item.s3.path, write, SESSION_SECONDS), consoleUrl }
}
