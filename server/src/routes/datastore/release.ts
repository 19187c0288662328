import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { actionRelease, addReviewer, listReviewers, removeReviewer, requestRelease } from '../../domain/release'
import { actionApprovalBody, approvalRequestBody, reviewerQuery } from './schemas'

/** The reviewer is sent to the console's decision page; the requester, after a decision, to the dataset's Release tab. */
function reviewLink(ctx: StackContext, datasetId: string) {
  return `${ctx.publicOrigin}/approvals/${datasetId}`
}

function releaseTabLink(ctx: StackContext, datasetId: string) {
  return `${ctx.publicOrigin}/datasets/${datasetId}?tab=release`
}

export async function datastoreReleaseRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = (roles: string[]) => requireRealmRoles(ctx.verify, roles)

  app.delete<{ Querystring: { reviewer_id: string } }>(
    '/release/sys-reviewers/delete',
    { schema: { operationId: 'delete_reviewer', querystring: reviewerQuery }, preValidation: guard(REALM.reviewerDelete) },
    async (request) => {
      await removeReviewer(ctx.db, request.query.reviewer_id)
      return null
    },
  )

  app.post<{ Querystring: { reviewer_id: string } }>(
    '/release/sys-reviewers/add',
    { schema: { operationId: 'add_reviewer', querystring: reviewerQuery }, preValidation: guard(REALM.reviewerAdd) },
    async (request) => {
      await addReviewer(ctx.db, request.query.reviewer_id)
      return null
    },
  )

  app.get('/release/sys-reviewers/list', { schema: { operationId: 'list_reviewers' }, preValidation: guard(REALM.write) }, async () =>
    listReviewers(ctx.db),
  )

  app.post<{ Body: { dataset_id: string; approver_id: string; notes: string } }>(
    '/release/approval-request',
    { schema: { operationId: 'approval_request', body: approvalRequestBody }, preValidation: guard(REALM.write) },
    async (request) => {
      const { dataset_id, approver_id } = request.body
      await ctx.db.transaction((tx) => requestRelease(tx, callerOf(request), request.body, reviewLink(ctx, dataset_id)))
      return {
        dataset_id,
        approver_id,
        details: 'Successfully sent request to approve dataset release to approver. Email notification included.',
      }
    },
  )

  app.put<{ Body: { dataset_id: string; approve: boolean; notes: string } }>(
    '/release/action-approval-request',
    { schema: { operationId: 'action_approval_request', body: actionApprovalBody }, preValidation: guard(REALM.write) },
    async (request) => {
      const { dataset_id, approve } = request.body
      await ctx.db.transaction((tx) => actionRelease(tx, callerOf(request), request.body, releaseTabLink(ctx, dataset_id)))
      return { dataset_id, approved: approve, details: 'Succesfully responded to dataset release approval request.' }
    },
  )
}
