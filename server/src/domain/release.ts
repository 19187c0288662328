import type { Queryable } from '../db/database'
import { withReleaseAction } from './dataset-records'
import { linkedPerson, loadDataset } from './datasets'
import { badRequest, forbidden, notAuthorised, serverError } from './errors'
import { nowSeconds, saveItem } from './items'
import { listPage, type ListCaches, type ListPage, type SortOptions } from './listing'
import { personEmail, queueEmail } from './outbox'
import type { Caller, ReleaseStatus } from './types'

/**
 * The release review of contract §3.14, §3.15 and §5.3. Every function takes the connection it must use:
 * inside a transaction that is the transaction's, as PGlite has one connection and another query would wait forever.
 */

const LINK_REQUIRED = 'In order to perform this operation you must link your User account to a Person in the registry.'

export async function isReviewer(q: Queryable, personId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM reviewers WHERE person_id = $1', [personId])).rows.length > 0
}

export async function listReviewers(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ person_id: string }>('SELECT person_id FROM reviewers')
  return rows.map((row) => row.person_id)
}

/**
 * Provena stores the id without checking it (its code has a TODO for the check); here an id that is not a
 * registry Person is refused, as a reviewer nobody can be would leave requests no one may decide.
 */
export async function addReviewer(q: Queryable, personId: string): Promise<void> {
  const { rows } = await q.query<{ item_subtype: string }>('SELECT item_subtype FROM items WHERE id = $1', [personId])
  if (!rows.length) throw badRequest(`No registry item has the id ${personId}: a reviewer must be a Person in the registry.`)
  if (rows[0].item_subtype !== 'PERSON') {
    throw badRequest(`${personId} is a registry ${rows[0].item_subtype.toLowerCase()}, not a Person: a reviewer must be a Person in the registry.`)
  }
  await q.query('INSERT INTO reviewers (person_id) VALUES ($1) ON CONFLICT DO NOTHING', [personId])
}

export async function removeReviewer(q: Queryable, personId: string): Promise<void> {
  await q.query('DELETE FROM reviewers WHERE person_id = $1', [personId])
}

export interface ReleaseRequest {
  dataset_id: string
  approver_id: string
  notes: string
}

/** A dataset admin asks a reviewer to approve the release; the reviewer gets an e-mail linking to `consoleLink`. */
export async function requestRelease(tx: Queryable, caller: Caller, request: ReleaseRequest, consoleLink: string): Promise<void> {
  const { dataset_id, approver_id, notes } = request
  const requester = await linkedPerson(tx, caller.username)
  if (!requester) throw badRequest('You cannot request a review without having a linked Person in the registry.')
  const { item, roles, locked } = await loadDataset(tx, caller, dataset_id, true)
  if (!roles.includes('admin')) {
    throw notAuthorised(`User ${caller.username} is not an admin of dataset ${dataset_id}. Only admins of datasets can request for the dataset to be reviewed.`)
  }
  if (item.release_status !== 'NOT_RELEASED') {
    throw badRequest(`Dataset ${dataset_id} is already pending review or is released. Cannot request a review while another is unresolved.`)
  }
  if (!(await isReviewer(tx, approver_id))) {
    throw badRequest(`User ${approver_id} is not a system dataset reviewer. Please select a reviewer from the list of dataset reviewers.`)
  }
  // The registry refuses updates to a locked item, and the request does not bypass the lock.
  if (locked) throw notAuthorised(`Failed to update release info for dataset ${dataset_id}: the dataset is locked. Unlock it first.`)
  await saveItem(tx, withReleaseAction(item, { action: 'REQUEST', timestamp: nowSeconds(), approver: approver_id, requester, notes }))
  const to = await personEmail(tx, approver_id)
  if (!to) throw serverError('')
  await queueEmail(
    tx,
    to,
    `Provena Dataset release review request ${dataset_id} by person ${requester}`,
    `You have been asked to review the release of dataset ${dataset_id} (${item.display_name}).\n\nNotes: ${notes}\n\n${consoleLink}`,
    'Dataset release review request',
  )
}

export interface ReleaseDecision {
  dataset_id: string
  approve: boolean
  notes: string
}

/** The requested reviewer approves or rejects; the reviewer and the owner (when linked) are told by e-mail. */
export async function actionRelease(tx: Queryable, caller: Caller, decision: ReleaseDecision, consoleLink: string): Promise<void> {
  const { dataset_id, approve, notes } = decision
  const reviewer = await linkedPerson(tx, caller.username)
  if (!reviewer) throw badRequest(LINK_REQUIRED)
  if (!(await isReviewer(tx, reviewer))) throw notAuthorised('You are not a dataset reviewer. Only dataset reviewers can action approval requests.')
  const { item } = await loadDataset(tx, caller, dataset_id, true)
  if (item.release_status !== 'PENDING') throw badRequest(`Dataset ${dataset_id} is not pending review. Cannot perform this action.`)
  if (item.release_approver !== reviewer) {
    throw notAuthorised(`User ${reviewer} is not the approver for dataset ${dataset_id}. Only the requested approver can action this request.`)
  }
  const action = approve ? 'APPROVE' : 'REJECT'
  await saveItem(tx, withReleaseAction(item, { action, timestamp: nowSeconds(), approver: reviewer, requester: null, notes }))
  const subject = `Provena Dataset release review actioned id: ${dataset_id} action: ${action}`
  const body = `The release review of dataset ${dataset_id} (${item.display_name}) was actioned: ${action}.\n\nNotes: ${notes}\n\n${consoleLink}`
  const reviewerEmail = await personEmail(tx, reviewer)
  if (!reviewerEmail) throw serverError('')
  await queueEmail(tx, reviewerEmail, subject, body, 'Dataset release review actioned')
  const ownerPerson = await linkedPerson(tx, item.owner_username)
  const ownerEmail = ownerPerson ? await personEmail(tx, ownerPerson) : null
  if (ownerEmail) await queueEmail(tx, ownerEmail, subject, body, 'Dataset release review actioned')
}

export interface ReviewQueueQuery {
  reviewer: string | null | undefined
  status: ReleaseStatus | null | undefined
  ascending: boolean | undefined
  paginationKey: Record<string, unknown> | null | undefined
  pageSize: number
}

/** The datasets whose release approver is the caller's own Person, latest release action first unless asked. */
export async function reviewQueue(q: Queryable, caches: ListCaches, caller: Caller, query: ReviewQueueQuery): Promise<ListPage> {
  if (!query.reviewer) throw badRequest('filter_by.release_reviewer is required to list the datasets you review.')
  const person = await linkedPerson(q, caller.username)
  if (!person) throw badRequest(LINK_REQUIRED)
  if (query.reviewer !== person) throw forbidden('You can only list the release requests of your own Person.')
  const where: { column: 'release_approver' | 'release_status'; value: string }[] = [{ column: 'release_approver', value: person }]
  if (query.status) where.push({ column: 'release_status', value: query.status })
  const sort: SortOptions = { sort_type: 'RELEASE_TIMESTAMP', ascending: query.ascending ?? false }
  return listPage(q, caches, caller, { subtype: 'DATASET', sort, paginationKey: query.paginationKey, pageSize: query.pageSize, where })
}
