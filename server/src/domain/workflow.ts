import { randomUUID } from 'node:crypto'

/** Id of the provenance job Provena spins off for a create or version; the local stack records it only. */
export function newWorkflowSessionId(): string {
  return randomUUID()
}
