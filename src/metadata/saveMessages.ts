import type { ApiError } from '@/api/errors'

/** What a failed save means for the user's work and what to do, by the kind of failure. */
export function saveFailure(error: ApiError): { title: string; text: string } {
  const kept = 'Nothing was saved, and nothing you typed is lost: it is still here and in this device\'s draft.'
  switch (error.kind) {
    case 'network':
      return { title: 'The data store could not be reached', text: `${kept} Check your connection, then save again.` }
    case 'timeout':
      return { title: 'The data store did not answer in time', text: `${kept} It may have saved after all: the dataset page shows the latest history entry. Save again if it is not there.` }
    case 'unauthenticated':
      return { title: 'Your session has ended', text: `${kept} Sign in again: the draft is offered back when you return to this page.` }
    case 'forbidden':
      return { title: 'The data store refused the save', text: `${kept} ${error.detail}` }
    case 'validation':
      return { title: 'Some fields were refused', text: `${kept} The data store named the fields marked below.` }
    default:
      return { title: 'The save failed', text: `${kept} The data store said: ${error.detail}` }
  }
}
