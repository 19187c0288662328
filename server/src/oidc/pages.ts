import { createHash } from 'node:crypto'

/** Small, self-contained HTML pages of the local sign-in service: no external fonts, styles or scripts, and one inline script. */

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"

/**
 * Presses the sign-out page's own button, so the form carries logout=yes exactly as a person's click (or the
 * no-script fallback) would; submitting the form alone would leave the button's value out.
 */
const SIGN_OUT_SCRIPT = "document.getElementById('continue').click()"

/** The one script is allowed by its hash, so any other inline script (an injection) stays blocked. */
export const SIGN_OUT_CSP = `${PAGE_CSP}; script-src 'sha256-${createHash('sha256').update(SIGN_OUT_SCRIPT).digest('base64')}'`

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1b1f;--muted:#4a4a55;--bg:#f4f5f7;--card:#fff;--line:#8a8a96;--accent:#0b57d0;--on-accent:#fff;--error:#b3261e}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6ea;--muted:#c4c4cc;--bg:#131316;--card:#1e1e23;--line:#8e8e99;--accent:#a8c7fa;--on-accent:#062e6f;--error:#ffb4ab}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:min(100% - 2rem,24rem);background:var(--card);padding:2rem;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.25)}
h1{font-size:1.5rem;margin:0 0 .25rem}
p{margin:.5rem 0 1rem;color:var(--muted)}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{width:100%;padding:.6rem .75rem;font:inherit;color:inherit;background:transparent;border:1px solid var(--line);border-radius:6px}
input[aria-invalid=true]{border-color:var(--error)}
button{width:100%;margin-top:1.5rem;padding:.7rem 1rem;font:inherit;font-weight:600;border:0;border-radius:6px;background:var(--accent);color:var(--on-accent);cursor:pointer}
button.secondary{margin-top:.75rem;background:transparent;color:var(--accent);border:1px solid var(--line)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.error{color:var(--error);font-weight:600}
.code{font:700 1.75rem/1.2 ui-monospace,monospace;letter-spacing:.1em;color:var(--fg)}
`

/** A complete page; `body` must already be escaped. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Provena (local)</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`
}

export interface LoginPageOptions {
  action: string
  username?: string
  error?: string
  /** Shown under the heading, e.g. which application asked. */
  note?: string
}

export function loginPage({ action, username = '', error, note }: LoginPageOptions): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="error"' : ''
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p>${escapeHtml(note ?? 'Provena data store, local stack')}</p>
${error ? `<p id="error" class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" autocomplete="on">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${username ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${username ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>`,
  )
}

/** Values oidc-provider puts in the forms it hands to its page helpers. */
export function formField(form: string, name: string): string {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(form)?.[0] ?? ''
  return decodeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? '')
}

export function formAction(form: string): string {
  return decodeHtml(/action="([^"]*)"/.exec(form)?.[1] ?? '')
}

function decodeHtml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? '')
}

export function deviceInputPage(options: { action: string; xsrf: string; userCode: string; message: string; isError: boolean }): string {
  const invalid = options.isError ? ' aria-invalid="true" aria-describedby="message"' : ''
  return page(
    'Connect a device',
    `<h1>Connect a device</h1>
<p id="message"${options.isError ? ' class="error" role="alert"' : ''}>${escapeHtml(options.message)}</p>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="xsrf" value="${escapeHtml(options.xsrf)}">
<label for="user_code">Code</label>
<input id="user_code" name="user_code" type="text" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required autofocus value="${escapeHtml(options.userCode)}"${invalid}>
<button type="submit">Continue</button>
</form>`,
  )
}

export function deviceConfirmPage(options: { action: string; xsrf: string; userCode: string; clientName: string }): string {
  return page(
    'Confirm the device',
    `<h1>Confirm the device</h1>
<p><strong>${escapeHtml(options.clientName)}</strong> asks to sign in. Check that your device shows this code:</p>
<p class="code">${escapeHtml(options.userCode)}</p>
<p>If you did not start this, or the code differs, cancel.</p>
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="xsrf" value="${escapeHtml(options.xsrf)}">
<input type="hidden" name="user_code" value="${escapeHtml(options.userCode)}">
<input type="hidden" name="confirm" value="yes">
<button type="submit" autofocus>Continue</button>
<button type="submit" class="secondary" name="abort" value="yes">Cancel</button>
</form>`,
  )
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`)
}

/** `form` is oidc-provider's own (with its hidden xsrf input); the button submits it. */
export function logoutPage(form: string, host: string): string {
  return page(
    'Sign out',
    `<h1>Sign out</h1>
<p>Sign out of Provena on ${escapeHtml(host)}?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>`,
  )
}

/**
 * For a sign-out the console asked for with an ID token of this very session: nothing to confirm, so the page
 * sends itself (Keycloak skips its question then too). Serve it with SIGN_OUT_CSP.
 */
export function signingOutPage(form: string, host: string): string {
  return page(
    'Signing out',
    `<h1>Signing out</h1>
<p>Signing you out of Provena on ${escapeHtml(host)}.</p>
${form}
<button type="submit" id="continue" form="op.logoutForm" name="logout" value="yes" autofocus>Continue signing out</button>
<script>${SIGN_OUT_SCRIPT}</script>`,
  )
}
