import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import formbody from '@fastify/formbody'
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, importSPKI, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose'
import { openDatabase, type Database } from '../src/db/database'
import { migrate } from '../src/db/migrate'
import { createOidc, DEVICE_POLL_INTERVAL_SECONDS, upsertAccount, type Oidc } from '../src/oidc'
import { checkPassword } from '../src/oidc/accounts'
import { PollClock } from '../src/oidc/device-polling'
import { freePort } from './helpers/stack'
import { Browser, authorizationUrl, issuerFor, parseForm, pkcePair, refresh, signIn, type Tokens } from './helpers/sign-in'

const AUDIENCE = 'http://localhost:8080/apis'
const TTL = 60
const OIDC_PATH = '/protocol/openid-connect'
/** The shared provider polls fast so device-flow tests wait 1 s, not Keycloak's 5. */
const FAST_POLL_SECONDS = 1
/** Past the fast interval with room to spare: the provider stamps a poll before it answers, so any wait counts in full. */
const FAST_POLL_WAIT_MS = FAST_POLL_SECONDS * 1000 + 300

let db: Database
let port: number
let baseUrl: string
let issuer: string
let app: FastifyInstance
let oidc: Oidc

async function start() {
  app = Fastify()
  // Other parts of the stack parse forms app-wide; the provider's routes must still get unread bodies.
  await app.register(formbody)
  app.post('/echo', async (request) => request.body)
  oidc = await createOidc({
    db,
    issuer,
    consoleOrigins: [baseUrl, 'http://localhost:5173'],
    audience: AUDIENCE,
    accessTokenTtlSeconds: TTL,
    deviceCodePollIntervalSeconds: FAST_POLL_SECONDS,
  })
  await oidc.register(app)
  await app.listen({ port, host: '127.0.0.1' })
}

/** Another provider on the same database, with the default polling interval. */
async function startDefaultProvider() {
  const otherPort = await freePort()
  const otherBase = `http://127.0.0.1:${otherPort}`
  const otherApp = Fastify()
  const other = await createOidc({ db, issuer: issuerFor(otherBase), consoleOrigins: [otherBase], audience: AUDIENCE, accessTokenTtlSeconds: TTL })
  await other.register(otherApp)
  await otherApp.listen({ port: otherPort, host: '127.0.0.1' })
  return {
    issuer: issuerFor(otherBase),
    async close() {
      await otherApp.close()
      await other.close()
    },
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function stop() {
  await app.close()
  await oidc.close()
}

async function storedPrivateKey(): Promise<{ key: CryptoKey; jwk: JWK }> {
  const { rows } = await db.query<{ value: JWK }>(`SELECT value FROM secrets WHERE name = 'oidc-signing-key'`)
  return { key: (await importJWK(rows[0].value, 'RS256')) as CryptoKey, jwk: rows[0].value }
}

/** A token shaped like the provider's, signed with the stored key unless told otherwise. */
async function craftToken(overrides: { iss?: string; aud?: string; expOffset?: number; key?: CryptoKey } = {}) {
  const { key, jwk } = await storedPrivateKey()
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({ preferred_username: 'steward', email: 'steward@example.org', realm_access: { roles: ['entity-registry-read'] } })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
    .setSubject('steward')
    .setIssuer(overrides.iss ?? issuer)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt(now - 600)
    .setExpirationTime(now + (overrides.expOffset ?? 300))
    .sign(overrides.key ?? key)
}

interface Discovery { issuer: string; jwks_uri: string; [k: string]: unknown }
interface DeviceAuthorization { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; interval: number }
interface OAuthError { error: string; error_description?: string }
interface Realm { realm: string; public_key: string; [k: string]: unknown }

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

const tokenUrl = () => `${issuer}${OIDC_PATH}/token`
const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) })

/** Starts the device flow as the Python provenaclient does: `scopes` (sic), empty. */
async function startDeviceFlow(at = issuer): Promise<DeviceAuthorization> {
  const started = await fetch(`${at}${OIDC_PATH}/auth/device`, form({ client_id: 'automated-access', scopes: '' }))
  expect(started.status).toBe(200)
  return json<DeviceAuthorization>(started)
}

async function pollDevice(device: DeviceAuthorization, at = issuer): Promise<{ status: number; body: OAuthError & Partial<Tokens> }> {
  const grant = { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.device_code, client_id: 'automated-access', scope: '' }
  const response = await fetch(`${at}${OIDC_PATH}/token`, form(grant))
  return { status: response.status, body: await json(response) }
}

beforeAll(async () => {
  db = await openDatabase({})
  await migrate(db)
  await upsertAccount(db, { username: 'steward', password: 'steward', email: 'steward@example.org', name: 'Sam Steward', roles: ['entity-registry-read', 'entity-registry-write'] })
  await upsertAccount(db, { username: 'outsider', password: 'outsider', email: 'outsider@example.org', name: 'Olly Outsider', roles: [] })
  port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  issuer = issuerFor(baseUrl)
  await start()
})

afterAll(async () => {
  await stop()
  await db.close()
})

describe('accounts', () => {
  it('stores a salted scrypt hash and checks passwords', async () => {
    const { rows } = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'steward'`)
    expect(rows[0].password_hash).toMatch(/^scrypt\$/)
    expect(rows[0].password_hash).not.toContain('steward')
    expect(await checkPassword(db, 'steward', 'steward')).toBe(true)
    expect(await checkPassword(db, 'steward', 'Steward')).toBe(false)
    expect(await checkPassword(db, 'nobody', 'steward')).toBe(false)
  })
})

describe('discovery and the realm document', () => {
  it('lists the Keycloak endpoint paths', async () => {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`)
    expect(res.status).toBe(200)
    // oidc-provider writes its answers itself, past Fastify's hooks; the base headers are set before it does.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const doc = await json<Discovery>(res)
    expect(doc).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}${OIDC_PATH}/auth`,
      token_endpoint: `${issuer}${OIDC_PATH}/token`,
      jwks_uri: `${issuer}${OIDC_PATH}/certs`,
      end_session_endpoint: `${issuer}${OIDC_PATH}/logout`,
      revocation_endpoint: `${issuer}${OIDC_PATH}/revoke`,
      userinfo_endpoint: `${issuer}${OIDC_PATH}/userinfo`,
      device_authorization_endpoint: `${issuer}${OIDC_PATH}/auth/device`,
      introspection_endpoint: `${issuer}${OIDC_PATH}/token/introspect`,
      code_challenge_methods_supported: ['S256'],
    })
    const certs = await json<{ keys: JWK[] }>(await fetch(doc.jwks_uri))
    expect(certs.keys).toHaveLength(1)
    expect(certs.keys[0]).not.toHaveProperty('d')
  })

  it('answers CORS preflights and requests from the console origin', async () => {
    const preflight = await fetch(tokenUrl(), {
      method: 'OPTIONS',
      headers: { origin: baseUrl, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(baseUrl)
    const discovery = await fetch(`${issuer}/.well-known/openid-configuration`, { headers: { origin: 'http://localhost:5173' } })
    expect(discovery.headers.get('access-control-allow-origin')).toBeTruthy()
    const refused = await fetch(tokenUrl(), { method: 'POST', headers: { origin: 'http://evil.example' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'datastore-console' }) })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the realm document whose public_key verifies access tokens', async () => {
    const res = await fetch(issuer)
    expect(res.status).toBe(200)
    const realm = await json<Realm>(res)
    expect(realm).toMatchObject({
      realm: 'provena',
      'token-service': `${issuer}${OIDC_PATH}`,
      'account-service': `${issuer}/account`,
      'tokens-not-before': 0,
    })
    expect(realm.public_key).toMatch(/^[A-Za-z0-9+/]+=*$/)
    const pem = `-----BEGIN PUBLIC KEY-----\n${realm.public_key.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----`
    const key = await importSPKI(pem, 'RS256')
    const tokens = await signIn(baseUrl, 'outsider', 'outsider')
    const { payload } = await jwtVerify(tokens.access_token, key, { issuer, audience: AUDIENCE })
    expect(payload.preferred_username).toBe('outsider')
  })
})

describe('encapsulation', () => {
  it('leaves the rest of the app its own body parsers', async () => {
    const res = await fetch(`${baseUrl}/echo`, form({ a: '1' }))
    expect(await res.json()).toEqual({ a: '1' })
  })

  it('answers an unknown or expired interaction with a page, not a crash', async () => {
    const res = await fetch(`${issuer}/interaction/nope`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Sign-in expired')
    const post = await fetch(`${issuer}/interaction/nope/login`, form({ username: 'steward', password: 'steward' }))
    expect(post.status).toBe(400)
  })
})

describe('authorization code + PKCE sign-in', () => {
  let tokens: Tokens

  it('yields an RS256 access token with the Keycloak claims and the API audience', async () => {
    tokens = await signIn(baseUrl, 'steward', 'steward')
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('RS256')
    const claims = decodeJwt(tokens.access_token)
    expect(claims).toMatchObject({
      iss: issuer,
      sub: 'steward',
      aud: AUDIENCE,
      preferred_username: 'steward',
      email: 'steward@example.org',
      realm_access: { roles: ['entity-registry-read', 'entity-registry-write'] },
      client_id: 'datastore-console',
    })
    expect(claims.exp! - claims.iat!).toBe(TTL)
    expect(tokens.expires_in).toBeLessThanOrEqual(TTL)
    expect(tokens.refresh_token).toBeTruthy()
    const verified = await oidc.verifyAccessToken(tokens.access_token)
    expect(verified).toMatchObject({ sub: 'steward', preferred_username: 'steward', realm_access: { roles: ['entity-registry-read', 'entity-registry-write'] } })

    const idToken = decodeJwt(tokens.id_token!)
    expect(idToken).toMatchObject({ aud: 'datastore-console', preferred_username: 'steward', email: 'steward@example.org', name: 'Sam Steward', realm_access: { roles: ['entity-registry-read', 'entity-registry-write'] } })
  })

  it('renders an accessible login page and keeps the username after a wrong password', async () => {
    const browser = new Browser()
    const { challenge } = pkcePair()
    const redirectUri = `${baseUrl}/auth/callback`
    const start = authorizationUrl(baseUrl, { client_id: 'datastore-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256', state: 's1' })
    const { response, url } = await browser.follow(start)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('<title>Sign in · Provena (local)</title>')
    expect(page).toMatch(/<h1>/)
    expect(page).toMatch(/<label for="username">Username<\/label>/)
    expect(page).toMatch(/<input id="username" name="username"[^>]*autocomplete="username"/)
    expect(page).toMatch(/<label for="password">Password<\/label>/)
    expect(page).toMatch(/<input id="password" name="password" type="password"[^>]*autocomplete="current-password"/)
    expect(page).toContain('<button type="submit">Sign in</button>')
    expect(page).not.toMatch(/fonts\.googleapis|<script|\son[a-z]+=/)
    const { action } = parseForm(page, url)

    const wrong = await browser.submit(action, { username: 'steward', password: 'nope' })
    expect([200, 401]).toContain(wrong.response.status)
    const wrongPage = await wrong.response.text()
    expect(wrongPage).toMatch(/role="alert"[^>]*>Invalid username or password\./)
    expect(wrongPage).toContain('value="steward"')

    const odd = await browser.submit(action, { username: '<b>"x\'&', password: 'nope' })
    const oddPage = await odd.response.text()
    expect(oddPage).toContain('value="&lt;b&gt;&quot;x&#39;&amp;"')
    expect(oddPage).not.toContain('<b>"x')

    const right = await browser.submit(action, { username: 'steward', password: 'steward' }, redirectUri)
    expect(right.url.startsWith(`${redirectUri}?code=`)).toBe(true)
  })

  it('refuses a request without code_challenge', async () => {
    const redirectUri = `${baseUrl}/auth/callback`
    const res = await fetch(authorizationUrl(baseUrl, { client_id: 'datastore-console', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's2' }), { redirect: 'manual' })
    const location = new URL(res.headers.get('location')!)
    expect(location.href.startsWith(redirectUri)).toBe(true)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('error_description')).toMatch(/PKCE|code_challenge/)
    expect(location.searchParams.get('code')).toBeNull()
  })

  it('refuses a redirect_uri that is not registered, without redirecting', async () => {
    const { challenge } = pkcePair()
    const res = await fetch(authorizationUrl(baseUrl, { client_id: 'datastore-console', redirect_uri: 'http://evil.example/auth/callback', response_type: 'code', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual', headers: { accept: 'text/html' } })
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    const page = await res.text()
    expect(page).toContain('redirect_uri')
    expect(page).not.toContain('fonts.googleapis')
  })

  it('rotates refresh tokens and refuses a used one', async () => {
    const first = await refresh(baseUrl, tokens.refresh_token!)
    expect(first.status).toBe(200)
    const next = (await first.json()) as Tokens
    expect(next.refresh_token).toBeTruthy()
    expect(next.refresh_token).not.toBe(tokens.refresh_token)
    expect((await oidc.verifyAccessToken(next.access_token)).preferred_username).toBe('steward')

    const reused = await refresh(baseUrl, tokens.refresh_token!)
    expect(reused.status).toBe(400)
    expect((await json<OAuthError>(reused)).error).toBe('invalid_grant')
    tokens = next
  })

  it('revokes a refresh token', async () => {
    const own = await signIn(baseUrl, 'outsider', 'outsider')
    const res = await fetch(`${issuer}${OIDC_PATH}/revoke`, form({ token: own.refresh_token!, token_type_hint: 'refresh_token', client_id: 'datastore-console' }))
    expect(res.status).toBe(200)
    const after = await refresh(baseUrl, own.refresh_token!)
    expect(after.status).toBe(400)
    expect((await json<OAuthError>(after)).error).toBe('invalid_grant')
  })

  /** The end-session request as the console sends it; without a hint, as a client that only names itself. */
  function logoutUrl(idTokenHint?: string): string {
    const logout = new URL(`${issuer}${OIDC_PATH}/logout`)
    if (idTokenHint) logout.searchParams.set('id_token_hint', idTokenHint)
    else logout.searchParams.set('client_id', 'datastore-console')
    logout.searchParams.set('post_logout_redirect_uri', `${baseUrl}/`)
    return logout.href
  }

  function scriptSources(response: Response): string[] | undefined {
    const directives = (response.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/))
    return directives.find(([name]) => name === 'script-src')?.slice(1)
  }

  /** Ends the session as the page's button does, then checks it is gone for the provider too. */
  async function confirmSignOut(browser: Browser, page: string, url: string, refreshToken: string) {
    const { action, fields } = parseForm(page, url)
    expect(fields.xsrf).toBeTruthy()
    const done = await browser.submit(action, { ...fields, logout: 'yes' }, `${baseUrl}/`)
    expect(done.url.startsWith(`${baseUrl}/`)).toBe(true)
    // The session is gone, so its refresh token is too, and the next sign-in asks for credentials.
    expect((await refresh(baseUrl, refreshToken)).status).toBe(400)
    const again = await browser.follow(authorizationUrl(baseUrl, { client_id: 'datastore-console', redirect_uri: `${baseUrl}/auth/callback`, response_type: 'code', scope: 'openid', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }))
    expect(await again.response.text()).toContain('Sign in')
  }

  it("signs out without asking when the console sends this session's ID token and a registered return address", async () => {
    const browser = new Browser()
    const signedIn = await signIn(baseUrl, 'outsider', 'outsider', { browser })
    const { response, url } = await browser.follow(logoutUrl(signedIn.id_token))
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('<h1>Signing out</h1>')
    expect(page).not.toContain('Sign out of Provena')
    // The button is both what the script presses and the fallback without scripts.
    expect(page).toMatch(/<button type="submit" id="continue" form="op.logoutForm" name="logout" value="yes"[^>]*>Continue signing out<\/button>/)
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
    expect(scripts).toHaveLength(1)
    expect(scripts[0]).toContain("getElementById('continue').click()")
    expect(page).not.toMatch(/<script[^>]*\ssrc=|\son[a-z]+=/)
    const allowed = scriptSources(response)
    expect(allowed).toEqual([`'sha256-${createHash('sha256').update(scripts[0]).digest('base64')}'`])
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    await confirmSignOut(browser, page, url, signedIn.refresh_token!)
  })

  it('asks before signing out when the request carries no ID token', async () => {
    const browser = new Browser()
    const signedIn = await signIn(baseUrl, 'outsider', 'outsider', { browser })
    const { response, url } = await browser.follow(logoutUrl())
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('Sign out of Provena')
    expect(page).toMatch(/<button type="submit" form="op.logoutForm" name="logout" value="yes"[^>]*>Sign out<\/button>/)
    expect(page).not.toMatch(/<script|\son[a-z]+=/)
    expect(page).not.toContain('fonts.googleapis')
    expect(scriptSources(response)).toBeUndefined()
    await confirmSignOut(browser, page, url, signedIn.refresh_token!)
  })

  it("asks before signing out when the ID token is another person's", async () => {
    const browser = new Browser()
    await signIn(baseUrl, 'outsider', 'outsider', { browser })
    const someoneElse = await signIn(baseUrl, 'steward', 'steward')
    const { response } = await browser.follow(logoutUrl(someoneElse.id_token))
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('Sign out of Provena')
    expect(page).not.toContain('<script')
    expect(scriptSources(response)).toBeUndefined()
  })
})

describe('device authorization grant (automated-access)', () => {
  it('works end to end: code, verification page, login, polling', async () => {
    // As the Python provenaclient sends it: `scopes` (sic), empty.
    const started = await fetch(`${issuer}${OIDC_PATH}/auth/device`, form({ client_id: 'automated-access', scopes: '' }))
    expect(started.status).toBe(200)
    const device = await json<DeviceAuthorization>(started)
    expect(device.verification_uri).toBe(`${issuer}/device`)
    const poll = () => fetch(tokenUrl(), form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: device.device_code, client_id: 'automated-access', scope: '' }))
    const pending = await poll()
    expect(pending.status).toBe(400)
    expect((await json<OAuthError>(pending)).error).toBe('authorization_pending')

    const browser = new Browser()
    const input = await browser.follow(device.verification_uri)
    const inputPage = await input.response.text()
    expect(inputPage).toMatch(/<label for="user_code">/)
    expect(inputPage).not.toMatch(/fonts\.googleapis|\son[a-z]+=/)
    const inputForm = parseForm(inputPage, input.url)

    const wrong = await browser.submit(inputForm.action, { ...inputForm.fields, user_code: 'BCDF-GHJK' })
    expect(await wrong.response.text()).toMatch(/role="alert"[^>]*>That code is not valid/)

    // The client opens verification_uri_complete, which posts the code by itself.
    const complete = await browser.follow(device.verification_uri_complete)
    const autoPost = parseForm(await complete.response.text(), complete.url)
    expect(autoPost.fields.user_code).toBe(device.user_code)
    const confirm = await browser.submit(autoPost.action, autoPost.fields)
    const confirmPage = await confirm.response.text()
    expect(confirmPage).toContain(device.user_code)
    const confirmForm = parseForm(confirmPage, confirm.url)
    const login = await browser.submit(confirmForm.action, confirmForm.fields)
    const loginPage = await login.response.text()
    expect(loginPage).toContain('Sign in')
    const loginForm = parseForm(loginPage, login.url)
    const done = await browser.submit(loginForm.action, { username: 'steward', password: 'steward' })
    expect(done.response.status).toBe(200)
    expect(await done.response.text()).toContain('Device connected')

    await pause(FAST_POLL_WAIT_MS)
    const granted = await poll()
    expect(granted.status).toBe(200)
    const tokens = (await granted.json()) as Tokens
    const claims = await oidc.verifyAccessToken(tokens.access_token)
    expect(claims).toMatchObject({ preferred_username: 'steward', aud: AUDIENCE, client_id: 'automated-access' })
    expect(tokens.refresh_token).toBeTruthy()
    // provenaclient refreshes with an empty `scope`.
    const renewed = await fetch(tokenUrl(), form({ grant_type: 'refresh_token', client_id: 'automated-access', refresh_token: tokens.refresh_token!, scope: '' }))
    expect(renewed.status).toBe(200)
    expect((await json<Tokens>(renewed)).refresh_token).toBeTruthy()
  })

  it("announces Keycloak's polling interval, 5 s, unless the stack is told otherwise", async () => {
    const keycloakLike = await startDefaultProvider()
    try {
      const device = await startDeviceFlow(keycloakLike.issuer)
      expect(typeof device.interval).toBe('number')
      expect(device.interval).toBe(5)
      expect(DEVICE_POLL_INTERVAL_SECONDS).toBe(5)
    } finally {
      await keycloakLike.close()
    }
    expect((await startDeviceFlow()).interval).toBe(FAST_POLL_SECONDS)
  })

  it('answers a poll sooner than the interval with slow_down', async () => {
    const keycloakLike = await startDefaultProvider()
    try {
      const device = await startDeviceFlow(keycloakLike.issuer)
      const first = await pollDevice(device, keycloakLike.issuer)
      expect(first).toMatchObject({ status: 400, body: { error: 'authorization_pending' } })
      const second = await pollDevice(device, keycloakLike.issuer)
      expect(second.status).toBe(400)
      expect(second.body.error).toBe('slow_down')
      expect(second.body.error_description).toEqual(expect.any(String))
      // Another device code keeps its own interval.
      const other = await pollDevice(await startDeviceFlow(keycloakLike.issuer), keycloakLike.issuer)
      expect(other.body.error).toBe('authorization_pending')
    } finally {
      await keycloakLike.close()
    }
  })

  it('lets a poll through once the interval has passed, and refuses unknown codes as before', async () => {
    const device = await startDeviceFlow()
    expect((await pollDevice(device)).body.error).toBe('authorization_pending')
    await pause(FAST_POLL_WAIT_MS)
    expect(await pollDevice(device)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } })
    const unknown = { ...device, device_code: 'not-a-device-code' }
    expect((await pollDevice(unknown)).body.error).toBe('invalid_grant')
    expect((await pollDevice(unknown)).body.error).toBe('invalid_grant')
  })
})

describe('device poll clock', () => {
  it('admits the first poll, and the next one at or after the interval since the last one admitted', () => {
    const clock = new PollClock(5000, 600_000)
    expect(clock.admit('a', 0)).toBe(true)
    expect(clock.admit('a', 4999)).toBe(false)
    expect(clock.admit('b', 4999)).toBe(true)
    // The refused poll did not restart the interval, so waiting it out from the last admitted poll is enough.
    expect(clock.admit('a', 5000)).toBe(true)
    expect(clock.admit('a', 9999)).toBe(false)
    expect(clock.admit('a', 10_000)).toBe(true)
  })

  it('forgets codes once they can no longer be polled', () => {
    const clock = new PollClock(5000, 600_000)
    expect(clock.admit('a', 0)).toBe(true)
    expect(clock.admit('b', 300_000)).toBe(true)
    expect(clock.size).toBe(2)
    expect(clock.admit('c', 600_000)).toBe(true)
    expect(clock.size).toBe(2)
    expect(clock.admit('b', 900_000)).toBe(true)
    expect(clock.size).toBe(2)
  })
})

describe('verifyAccessToken', () => {
  it('accepts a well-formed token, and one expired 30 s ago', async () => {
    await expect(oidc.verifyAccessToken(await craftToken())).resolves.toMatchObject({ sub: 'steward', email: 'steward@example.org' })
    await expect(oidc.verifyAccessToken(await craftToken({ expOffset: -30 }))).resolves.toMatchObject({ sub: 'steward' })
  })

  it('rejects alg none, a bad signature, a wrong issuer or audience, and a token expired over 60 s ago', async () => {
    const good = await craftToken()
    const [, payload] = good.split('.')
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`
    const { privateKey: otherKey } = await generateKeyPair('RS256', { extractable: true })
    await exportJWK(otherKey)
    const tampered = good.split('.')
    tampered[1] = Buffer.from(JSON.stringify({ ...decodeJwt(good), realm_access: { roles: ['entity-registry-admin'] } })).toString('base64url')
    const rejected = [
      none,
      await craftToken({ key: otherKey }),
      tampered.join('.'),
      await craftToken({ iss: 'http://127.0.0.1:1/auth/realms/provena' }),
      await craftToken({ aud: 'http://elsewhere.example/apis' }),
      await craftToken({ expOffset: -120 }),
      'not-a-jwt',
    ]
    for (const token of rejected) await expect(oidc.verifyAccessToken(token)).rejects.toThrow()
  })
})

describe('restart', () => {
  it('keeps the key and the state, so nobody is signed out', async () => {
    const before = await signIn(baseUrl, 'steward', 'steward')
    const { rows: keysBefore } = await db.query(`SELECT value FROM secrets ORDER BY name`)
    await stop()
    await start()
    const { rows: keysAfter } = await db.query(`SELECT value FROM secrets ORDER BY name`)
    expect(keysAfter).toEqual(keysBefore)
    await expect(oidc.verifyAccessToken(before.access_token)).resolves.toMatchObject({ preferred_username: 'steward' })
    const renewed = await refresh(baseUrl, before.refresh_token!)
    expect(renewed.status).toBe(200)
    expect(decodeProtectedHeader(((await renewed.json()) as Tokens).access_token).kid).toBe(decodeProtectedHeader(before.access_token).kid)
  })
})
