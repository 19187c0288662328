import { request } from './http'
import type { ActionApprovalRequest, ActionApprovalRequestResponse, ReleaseApprovalRequest, ReleaseApprovalRequestResponse } from './models/datastore'

// The Python client sends these to the Auth API host and the reviewer id in a body; both are defects
// (contract §10.4). Here they go to the Data Store API, with reviewer_id in the query as the API reads it.

/** Mirrors DatasetReviewSubClient.add_dataset_reviewer. */
export async function addDatasetReviewer(reviewerId: string, signal?: AbortSignal): Promise<void> {
  await request('dataStore', { method: 'POST', url: '/release/sys-reviewers/add', params: { reviewer_id: reviewerId }, signal })
}

/** Mirrors DatasetReviewSubClient.delete_dataset_reviewer. */
export async function deleteDatasetReviewer(reviewerId: string, signal?: AbortSignal): Promise<void> {
  await request('dataStore', { method: 'DELETE', url: '/release/sys-reviewers/delete', params: { reviewer_id: reviewerId }, signal })
}

/** GET /release/sys-reviewers/list (commented out in the Python client): Person ids of the system reviewers. */
export function listDatasetReviewers(signal?: AbortSignal): Promise<string[]> {
  return request('dataStore', { method: 'GET', url: '/release/sys-reviewers/list', signal })
}

/** Mirrors DatasetReviewSubClient.approval_request. */
export function approvalRequest(approvalRequestPayload: ReleaseApprovalRequest, signal?: AbortSignal): Promise<ReleaseApprovalRequestResponse> {
  return request('dataStore', { method: 'POST', url: '/release/approval-request', data: approvalRequestPayload, signal })
}

/** Mirrors DatasetReviewSubClient.action_approval_request. */
export function actionApprovalRequest(actionApprovalRequestPayload: ActionApprovalRequest, signal?: AbortSignal): Promise<ActionApprovalRequestResponse> {
  return request('dataStore', { method: 'PUT', url: '/release/action-approval-request', data: actionApprovalRequestPayload, signal })
}
