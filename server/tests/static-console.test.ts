import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app'
import { CSP_NONCE_PLACEHOLDER } from '../src/http/security-headers'

let dist: string
let app: FastifyInstance

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'console-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><title>console</title><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}"><script type="module" src="/assets/main-abc123.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script>`,
  )
  writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)')
  // As the build writes them (vite-plugin-compression2 in vite.config.ts), beside the file they encode.
  writeFileSync(join(dist, 'assets', 'main-abc123.js.br'), brotliCompressSync('console.log(1)'))
  writeFileSync(join(dist, 'assets', 'main-abc123.js.gz'), gzipSync('console.log(1)'))
  app = await buildApp({ console: { distDir: dist, issuer: 'https://auth.example.org/auth/realms/provena' } })
})

afterAll(async () => {
  await app.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('the built console', () => {
  it('announces every service on the origin the request came to', async () => {
    const res = await app.inject({ url: '/config.json', headers: { host: '127.0.0.1:9999' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json()).toEqual({
      dataStoreApi: 'http://127.0.0.1:9999/data-store',
      registryApi: 'http://127.0.0.1:9999/registry',
      authApi: 'http://127.0.0.1:9999/auth-api',
      searchApi: 'http://127.0.0.1:9999/search-api',
      oidc: { authority: 'http://127.0.0.1:9999/auth/realms/provena', clientId: 'datastore-console' },
      storage: { endpoint: 'http://127.0.0.1:9999/s3', region: 'ap-southeast-2' },
    })
  })

  it('serves index.html for the root and for deep links, never cached', async () => {
    for (const url of ['/', '/datasets', '/datasets/10378.1/1451860?tab=history']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } })
      expect(res.statusCode, url).toBe(200)
      expect(res.body).toContain('<title>console</title>')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('caches hashed assets for good', async () => {
    const res = await app.inject({ url: '/assets/main-abc123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends the compressed file the browser accepts, and the plain one to a client that accepts none', async () => {
    const br = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe('console.log(1)')
    const gzip = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe('console.log(1)')
    const plain = await app.inject({ url: '/assets/main-abc123.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe('console.log(1)')
  })

  it('answers misses under API paths and for files with a JSON 404', async () => {
    for (const url of ['/data-store/nothing', '/registry/x', '/assets/gone.js']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } })
      expect(res.statusCode, url).toBe(404)
      expect(res.json()).toEqual({ detail: 'Not Found' })
    }
  })

  it('serves every page with a policy of its own nonce, which replaces each placeholder', async () => {
    const nonces = new Set<string>()
    for (const url of ['/', '/datasets/10378.1/1451860']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } })
      const csp = String(res.headers['content-security-policy'])
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      nonces.add(nonce)
      expect(res.body).not.toContain(CSP_NONCE_PLACEHOLDER)
      expect(res.body.split(`nonce="${nonce}"`)).toHaveLength(3)
      expect(csp).toContain("script-src 'self';")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toMatch(/unsafe-(eval|inline)/)
      // The sign-in authority is on another origin here; the console fetches its discovery and token endpoints.
      expect(csp).toContain("connect-src 'self' https://auth.example.org;")
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    }
    expect(nonces.size).toBe(2)
  })

  it('never serves index.html with its placeholder as a plain file', async () => {
    const res = await app.inject({ url: '/index.html', headers: { accept: 'text/html' } })
    expect(res.body).not.toContain(CSP_NONCE_PLACEHOLDER)
  })

  it('sends the base headers and a deny-all policy with API answers and misses', async () => {
    for (const url of ['/config.json', '/data-store/nothing']) {
      const res = await app.inject({ url })
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin')
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })

  it('refuses to start without a built console', async () => {
    await expect(buildApp({ console: { distDir: join(dist, 'missing') } })).rejects.toThrow(/npm run build/)
  })
})
