import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import type { Queryable } from '../../db/database'
import { callerOf, REALM, requireRealmRoles } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { linkedPerson, loadDataset } from '../../domain/datasets'
import { nowSeconds, saveItem } from '../../domain/items'
import { withReleaseAction } from '../../domain/dataset-records'
import { personEmail, queueEmail } from '../../domain/outbox'
import { actionApprovalBody, approvalRequestBody, reviewerQuery } from './schemas'

function consoleLink(ctx: StackContext, datasetId: string) {
  return `${ctx.publicOrigin}/datasets/${datasetId}?tab=release`
}

export async function datastoreReleaseRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = (roles: string[]) => requireRealmRoles(ctx.verify, roles)
  // Takes the transaction's connection: PGlite has one, so ctx.db inside a transaction would wait forever.
  const isReviewer = async (q: Queryable, personId: string) =>
    (await q.query('SELECT 1 FROM reviewers WHERE person_id = $1', [personId])).rows.length > 0

  app.delete<{ Querystring: { reviewer_id: string } }>(
    '/release/sys-reviewers/delete',
    { schema: { operationId: 'delete_reviewer', querystring: reviewerQuery }, preValidation: guard(REALM.reviewerDelete) },
    async (request) => {
      await ctx.db.query('DELETE FROM reviewers WHERE person_id = $1', [request.query.reviewer_id])
      return null
    },
  )

  app.post<{ Querystring: { reviewer_id: string } }>(
    '/release/sys-reviewers/add',
    { schema: { operationId: 'add_reviewer', querystring: reviewerQuery }, preValidation: guard(REALM.reviewerAdd) },
    async (request) => {
      // Provena stores the id without checking that it is a Person.
      await ctx.db.query('INSERT INTO reviewers (person_id) VALUES ($1) ON CONFLICT DO NOTHING', [request.query.reviewer_id])
      return null
    },
  )

  app.get('/release/sys-reviewers/list', { schema: { operationId: 'list_reviewers' }, preValidation: guard(REALM.write) }, async () => {
    const { rows } = await ctx.db.query<{ person_id: string }>('SELECT person_id FROM reviewers')
    return rows.map((row) => row.person_id)
  })

  app.post<{ Body: { dataset_id: string; approver_id: string; notes: string } }>(
    '/release/approval-request',
    { schema: { operationId: 'approval_request', body: approvalRequestBody }, preValidation: guard(REALM.write) },
    async (request) => {
      const caller = callerOf(request)
      const { dataset_id, approver_id, notes } = request.body
      const requester = await linkedPerson(ctx.db, caller.username)
      if (!requester) throw new HttpError(400, 'You cannot request a review without having a linked Person in the registry.')
      return ctx.db.transaction(async (tx) => {
        const { item, roles, locked } = await loadDataset(tx, caller, dataset_id, true)
        if (!roles.includes('admin')) {
          throw new HttpError(401, `User ${caller.username} is not an admin of dataset ${dataset_id}. Only admins of datasets can request for the dataset to be reviewed.`)
        }
        if (item.release_status !== 'NOT_RELEASED') {
          throw new HttpError(400, `Dataset ${dataset_id} is already pending review or is released. Cannot request a review while another is unresolved.`)
        }
        if (!(await isReviewer(tx, approver_id))) {
          throw new HttpError(400, `User ${approver_id} is not a system dataset reviewer. Please select a reviewer from the list of dataset reviewers.`)
        }
        // The registry refuses updates to a locked item, and the request does not bypass the lock.
        if (locked) throw new HttpError(401, `Failed to update release info for dataset ${dataset_id}: the dataset is locked. Unlock it first.`)
        await saveItem(tx, withReleaseAction(item, { action: 'REQUEST', timestamp: nowSeconds(), approver: approver_id, requester, notes }))
        const to = await personEmail(tx, approver_id)
        if (!to) throw new HttpError(500, '')
        await queueEmail(
          tx,
          to,
          `Provena Dataset release review request ${dataset_id} by person ${requester}`,
          `You have been asked to review the release of dataset ${dataset_id} (${item.display_name}).\n\nNotes: ${notes}\n\n${consoleLink(ctx, dataset_id)}`,
          'Dataset release review request',
        )
        return {
          dataset_id,
          approver_id,
          details: 'Successfully sent request to approve dataset release to approver. Email notification included.',
        }
      })
    },
  )

  app.put<{ Body: { dataset_id: string; approve: boolean; notes: string } }>(
    '/release/action-approval-request',
    { schema: { operationId: 'action_approval_request', body: actionApprovalBody }, preValidation: guard(REALM.write) },
    async (request) => {
      const caller = callerOf(request)
      const { dataset_id, approve, notes } = request.body
      const reviewer = await linkedPerson(ctx.db, caller.username)
      if (!reviewer) throw new HttpError(400, 'In order to perform this operation you must link your User account to a Person in the registry.')
      if (!(await isReviewer(ctx.db, reviewer))) {
        throw new HttpError(401, 'You are not a dataset reviewer. Only dataset reviewers can action approval requests.')
      }
      return ctx.db.transaction(async (tx) => {
        const { item } = await loadDataset(tx, caller, dataset_id, true)
        if (item.release_status !== 'PENDING') throw new HttpError(400, `Dataset ${dataset_id} is not pending review. Cannot perform this action.`)
        if (item.release_approver !== reviewer) {
          throw new HttpError(401, `User ${reviewer} is not the approver for dataset ${dataset_id}. Only the requested approver can action this request.`)
        }
        const action = approve ? 'APPROVE' : 'REJECT'
        await saveItem(tx, withReleaseAction(item, { action, timestamp: nowSeconds(), approver: reviewer, requester: null, notes }))
        const subject = `Provena Dataset release review actioned id: ${dataset_id} action: ${action}`
        const body = `The release review of dataset ${dataset_id} (${item.display_name}) was actioned: ${action}.\n\nNotes: ${notes}\n\n${consoleLink(ctx, dataset_id)}`
        const reviewerEmail = await personEmail(tx, reviewer)
        if (!reviewerEmail) throw new HttpError(500, '')
        await queueEmail(tx, reviewerEmail, subject, body, 'Dataset release review actioned')
        const ownerPerson = await linkedPerson(tx, item.owner_username)
        const ownerEmail = ownerPerson ? await personEmail(tx, ownerPerson) : null
        if (ownerEmail) await queueEmail(tx, ownerEmail, subject, body, 'Dataset release review actioned')
        return { dataset_id, approved: approve, details: 'Succesfully responded to dataset release approval request.' }
      })
    },
  )
}
