import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app'

let dist: string
let app: FastifyInstance

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'console-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>')
  writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)')
  app = await buildApp({ console: { distDir: dist } })
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

  it('answers misses under API paths and for files with a JSON 404', async () => {
    for (const url of ['/data-store/nothing', '/registry/x', '/assets/gone.js']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } })
      expect(res.statusCode, url).toBe(404)
      expect(res.json()).toEqual({ detail: 'Not Found' })
    }
  })

  it('refuses to start without a built console', async () => {
    await expect(buildApp({ console: { distDir: join(dist, 'missing') } })).rejects.toThrow(/npm run build/)
  })
})
