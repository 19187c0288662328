import type { Client, ErrorOut, KoaContextWithOIDC } from 'oidc-provider'
import { deviceConfirmPage, deviceInputPage, escapeHtml, formAction, formField, logoutPage, messagePage, page, PAGE_CSP, signingOutPage, SIGN_OUT_CSP } from './pages'

/** The HTML oidc-provider renders itself (device flow, logout, errors), replaced by our self-contained pages. */

function html(ctx: KoaContextWithOIDC, body: string, csp = PAGE_CSP) {
  ctx.type = 'html'
  ctx.set('content-security-policy', csp)
  ctx.body = body
}

function deviceMessage(err?: Error & { userCode?: string }): { message: string; isError: boolean } {
  if (!err) return { message: 'Enter the code shown on your device.', isError: false }
  if (err.userCode !== undefined || err.name === 'NoCodeError') return { message: 'That code is not valid. Check it and try again.', isError: true }
  if (err.name === 'AbortedError') return { message: 'The sign-in request was cancelled.', isError: true }
  return { message: 'Something went wrong. Enter the code again.', isError: true }
}

export function userCodeInputSource(ctx: KoaContextWithOIDC, form: string, _out?: ErrorOut, err?: Error) {
  const fields = { action: formAction(form), xsrf: formField(form, 'xsrf'), userCode: formField(form, 'user_code') }
  html(ctx, deviceInputPage({ ...fields, ...deviceMessage(err as Error & { userCode?: string }) }))
}

export function userCodeConfirmSource(ctx: KoaContextWithOIDC, form: string, client: Client, _info: unknown, userCode: string) {
  const clientName = client.clientName ?? client.clientId
  html(ctx, deviceConfirmPage({ action: formAction(form), xsrf: formField(form, 'xsrf'), userCode, clientName }))
}

export function successSource(ctx: KoaContextWithOIDC) {
  html(ctx, messagePage('Device connected', 'You are signed in on your device. You can close this page.'))
}

/**
 * Whether the sign-out request provably comes from an application signed in to this very session, so the
 * person need not be asked (RP-Initiated Logout requires asking otherwise). oidc-provider has by now checked the
 * hint's signature, issuer and audience, and that the post_logout_redirect_uri is registered for that client;
 * what it leaves to us is whether the hint belongs to the session in the cookie.
 */
function signOutIsTrusted(ctx: KoaContextWithOIDC): boolean {
  const { params, entities, session, client } = ctx.oidc
  const hint = entities.IdTokenHint?.payload
  if (!params?.id_token_hint || !params.post_logout_redirect_uri || !hint || !client || !session?.accountId) return false
  if (hint.sub !== session.accountId) return false
  // Read directly: session.authorizationFor() would add an empty entry for a client that never signed in here.
  const authorization = session.authorizations?.[client.clientId]
  if (!authorization) return false
  // ID tokens carry sid only when a client asks for it; when one does, it must be this session's.
  return hint.sid === undefined || hint.sid === authorization.sid
}

/** `form` is oidc-provider's own, with its hidden xsrf input; the page's button submits it. */
export function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  if (signOutIsTrusted(ctx)) html(ctx, signingOutPage(form, ctx.host), SIGN_OUT_CSP)
  else html(ctx, logoutPage(form, ctx.host))
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
  html(ctx, messagePage('Signed out', 'You have signed out of Provena (local).'))
}

export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut) {
  const body = `<h1>Something went wrong</h1>
<p role="alert">${escapeHtml(out.error_description ?? out.error)}</p>
<p>Error code: <code>${escapeHtml(out.error)}</code></p>`
  html(ctx, page('Sign-in error', body))
}
