import { defineStore } from 'pinia'
import { generateReadAccessCredentials, generateWriteAccessCredentials } from '@/api/datastore'
import type { CredentialResponse } from '@/api/models/datastore'
import { useTrackedRequest } from './status'

/**
 * Requesting storage credentials to show the user (for awscli and other tools). The answer goes back to the
 * caller and is not kept here: credentials are secrets, shown where asked for and gone with the view.
 */
export const useDatasetCredentialsStore = defineStore('datasetCredentials', () => {
  const requesting = useTrackedRequest()

  async function request(datasetId: string, write: boolean): Promise<CredentialResponse | null> {
    let answer: CredentialResponse | null = null
    const generate = write ? generateWriteAccessCredentials : generateReadAccessCredentials
    // The console link is asked for too, as Provena's UI does: the AWS console opened on the dataset's folder.
    await requesting.run((signal) => generate({ dataset_id: datasetId, console_session_required: true }, signal), (response) => (answer = response))
    return answer
  }

  return { status: requesting.status, error: requesting.error, request }
})
