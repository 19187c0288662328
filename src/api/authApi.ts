import { request } from './http'
import type { UserLinkLookupResponse } from './models/common'

/** GET /link/user/lookup on the Auth API: the registry Person a username is linked to, if any. */
export function lookupUserLink(username: string, signal?: AbortSignal): Promise<UserLinkLookupResponse> {
  return request('auth', { method: 'GET', url: '/link/user/lookup', params: { username }, signal })
}
