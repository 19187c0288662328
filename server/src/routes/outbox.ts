import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../context'
import { escapeHtml } from '../http/html'

interface MailRow {
  id: number
  email_to: string
  subject: string
  body: string
  reason: string
  created_at: Date
}

/** Escaped body text with its http(s) links made clickable (the only markup added). */
function bodyHtml(body: string): string {
  return escapeHtml(body).replace(/https?:\/\/[^\s<&]+/g, (url) => `<a href="${url}">${url}</a>`)
}

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}dt{font-weight:600}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem}'

/**
 * The local stack's outbox, read only: the e-mails Provena's job API would have sent (release requests and
 * decisions), so a demo shows what the reviewer and the requester receive. Not part of the console build,
 * and not a Provena route: a real deployment sends mail instead.
 */
export async function outboxRoutes(app: FastifyInstance, ctx: StackContext) {
  app.get('/outbox', { schema: { hide: true } }, async (_request, reply) => {
    const { rows } = await ctx.db.query<MailRow>('SELECT id, email_to, subject, body, reason, created_at FROM outbox ORDER BY id DESC LIMIT 200')
    const mails = rows
      .map(
        (mail) => `<article aria-labelledby="mail-${mail.id}"><h2 id="mail-${mail.id}">${escapeHtml(mail.subject)}</h2><dl>` +
          `<dt>To</dt><dd>${escapeHtml(mail.email_to)}</dd><dt>Sent</dt><dd>${escapeHtml(new Date(mail.created_at).toISOString())}</dd>` +
          `<dt>Why</dt><dd>${escapeHtml(mail.reason)}</dd></dl><pre>${bodyHtml(mail.body)}</pre></article>`,
      )
      .join('')
    const empty = '<p>No e-mail has been sent yet. Requesting a release, or deciding one, sends one.</p>'
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox · local stack</title><style>${STYLE}</style></head><body><main><h1>Outbox of the local stack</h1><p>The e-mails the data store would have sent, newest first. Read only.</p>${mails || empty}</main></body></html>`)
  })
}
