import { createHash, randomBytes } from 'node:crypto'

export interface Tokens {
  access_token: string
  refresh_token?: string
  id_token?: string
  expires_in: number
}

export const REALM_PATH = '/auth/realms/provena'
export const issuerFor = (baseUrl: string) => `${baseUrl}${REALM_PATH}`

interface Cookie {
  name: string
  value: string
  path: string
}

/** A tiny browser: a cookie jar (names and paths, no domains) and redirects followed by hand. */
export class Browser {
  private cookies: Cookie[] = []

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url)
    const cookie = this.cookies
      .filter((c) => target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) this.store(line)
    return response
  }

  /** Follows redirects (GET after each) until a page, or a redirect to a URL starting with stopAt. */
  async follow(url: string, init: RequestInit = {}, stopAt?: string): Promise<{ response: Response; url: string }> {
    let response = await this.fetch(url, init)
    let current = url
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const location = new URL(response.headers.get('location') ?? '', current).href
      if (stopAt && location.startsWith(stopAt)) return { response, url: location }
      await response.arrayBuffer()
      current = location
      response = await this.fetch(current)
    }
    return { response, url: current }
  }

  /** Posts a form (application/x-www-form-urlencoded) and follows the redirects. */
  submit(url: string, fields: Record<string, string>, stopAt?: string) {
    return this.follow(url, { method: 'POST', body: new URLSearchParams(fields) }, stopAt)
  }

  private store(line: string) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    let path = '/'
    let expired = value === ''
    for (const attribute of attributes) {
      const [key, val = ''] = attribute.split('=')
      if (key.toLowerCase() === 'path') path = val
      if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true
      if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true
    }
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path))
    if (!expired) this.cookies.push({ name, value, path })
  }
}

/** The action and hidden inputs of the first form on a page. */
export function parseForm(html: string, baseUrl: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/.exec(html)
  if (!form) throw new Error(`No form on the page:\n${html.slice(0, 500)}`)
  const fields: Record<string, string> = {}
  for (const input of form[2].matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? ''
  }
  return { action: new URL(form[1].replace(/&amp;/g, '&'), baseUrl).href, fields }
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export function authorizationUrl(baseUrl: string, params: Record<string, string>): string {
  const url = new URL(`${issuerFor(baseUrl)}/protocol/openid-connect/auth`)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return url.href
}

/** Signs in through the real login page with authorization code + PKCE, over HTTP, like a browser would. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
  options: { clientId?: string; redirectUri?: string; browser?: Browser } = {},
): Promise<Tokens> {
  const clientId = options.clientId ?? 'datastore-console'
  const redirectUri = options.redirectUri ?? `${baseUrl}/auth/callback`
  const browser = options.browser ?? new Browser()
  const { verifier, challenge } = pkcePair()
  const state = randomBytes(8).toString('hex')

  const start = authorizationUrl(baseUrl, {
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile email',
    state,
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  let { response, url } = await browser.follow(start, {}, redirectUri)
  if (response.status === 200) {
    const page = await response.text()
    const { action } = parseForm(page, url)
    ;({ response, url } = await browser.submit(action, { username, password }, redirectUri))
  }
  if (!url.startsWith(redirectUri)) {
    throw new Error(`Sign-in of ${username} failed: ${response.status} at ${url}\n${(await response.text()).slice(0, 500)}`)
  }
  const callback = new URL(url)
  if (callback.searchParams.get('state') !== state) throw new Error(`State mismatch in ${url}`)
  const code = callback.searchParams.get('code')
  if (!code) throw new Error(`No code in ${url}`)

  const tokenResponse = await fetch(`${issuerFor(baseUrl)}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  })
  if (!tokenResponse.ok) throw new Error(`Token request failed: ${tokenResponse.status} ${await tokenResponse.text()}`)
  return (await tokenResponse.json()) as Tokens
}

/** Uses a refresh token at the token endpoint; the caller checks the response. */
export function refresh(baseUrl: string, refreshToken: string, clientId = 'datastore-console'): Promise<Response> {
  return fetch(`${issuerFor(baseUrl)}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
  })
}
