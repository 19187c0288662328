import type { Client, ErrorOut, KoaContextWithOIDC } from 'oidc-provider'
import { deviceConfirmPage, deviceInputPage, escapeHtml, formAction, formField, logoutPage, messagePage, page, PAGE_CSP } from './pages'

/** The HTML oidc-provider renders itself (device flow, logout, errors), replaced by our self-contained pages. */

function html(ctx: KoaContextWithOIDC, body: string) {
  ctx.type = 'html'
  ctx.set('content-security-policy', PAGE_CSP)
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

/** `form` is oidc-provider's own, with its hidden xsrf input; the page's "Sign out" button submits it. */
export function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  html(ctx, logoutPage(form, ctx.host))
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
