import { describe, expect, it } from 'vitest'
import { DEFAULT_HANDLE_RESOLVER, DEFAULT_SCOPE, DEFAULT_STORAGE_REGION, getConfig, loadConfig, parseConfig, setConfig } from '@/config'

const valid = {
  dataStoreApi: 'https://data-api.example.org/',
  registryApi: 'https://registry-api.example.org',
  authApi: 'https://auth-api.example.org',
  searchApi: 'https://search.example.org',
  oidc: { authority: 'https://auth.example.org/auth/realms/provena', clientId: 'datastore-console' },
}

function respond(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status })
}

describe('parseConfig', () => {
  it('accepts the documented keys, drops trailing slashes and fills defaults', () => {
    const { config, problems } = parseConfig(valid)
    expect(problems).toEqual([])
    expect(config).toEqual({
      ...valid,
      dataStoreApi: 'https://data-api.example.org',
      oidc: { ...valid.oidc, scope: DEFAULT_SCOPE },
      handleResolver: DEFAULT_HANDLE_RESOLVER,
      storage: { endpoint: null, region: DEFAULT_STORAGE_REGION },
    })
  })

  it('takes an S3-compatible storage endpoint and region, and checks them', () => {
    expect(parseConfig({ ...valid, storage: { endpoint: 'http://localhost:8080/s3/', region: 'us-west-2' } }).config?.storage).toEqual({ endpoint: 'http://localhost:8080/s3', region: 'us-west-2' })
    expect(parseConfig({ ...valid, storage: { endpoint: 'ftp://x', region: 'Sydney', bucket: 'b' } }).problems).toEqual([
      '"storage.bucket" is not a known setting (known: endpoint, region).',
      '"storage.endpoint" must be an absolute http(s) URL, but is "ftp://x".',
      '"storage.region" must be an AWS region such as ap-southeast-2, but is "Sydney".',
    ])
  })

  it('keeps an explicit scope and handle resolver, with the resolver ending in a slash', () => {
    const { config } = parseConfig({
      ...valid,
      oidc: { ...valid.oidc, scope: 'openid roles' },
      handleResolver: 'https://hdl.example.org',
    })
    expect(config?.oidc.scope).toBe('openid roles')
    expect(config?.handleResolver).toBe('https://hdl.example.org/')
  })

  it('names every missing or wrong setting at once', () => {
    const { config, problems } = parseConfig({ dataStoreApi: 'data-api.example.org', registryApi: 42, oidc: {} })
    expect(config).toBeUndefined()
    expect(problems).toEqual([
      '"dataStoreApi" must be an absolute http(s) URL, but is "data-api.example.org".',
      '"registryApi" must be an absolute http(s) URL, but is 42.',
      '"authApi" is missing: it must be the http(s) URL of the service.',
      '"searchApi" is missing: it must be the http(s) URL of the service.',
      '"oidc.authority" is missing: it must be the http(s) URL of the service.',
      '"oidc.clientId" must be the non-empty id of the public OpenID Connect client.',
    ])
  })

  it('reports unknown keys, which are usually typos', () => {
    const { problems } = parseConfig({ ...valid, dataStoreAPI: 'x', oidc: { ...valid.oidc, client_id: 'y' } })
    expect(problems).toEqual([
      '"dataStoreAPI" is not a known setting (known: dataStoreApi, registryApi, authApi, searchApi, oidc, handleResolver, storage).',
      '"oidc.client_id" is not a known setting (known: authority, clientId, scope).',
    ])
  })

  it('refuses a scope without openid and a non-object file', () => {
    expect(parseConfig({ ...valid, oidc: { ...valid.oidc, scope: 'profile' } }).problems).toEqual([
      '"oidc.scope" must be a space-separated string that includes "openid".',
    ])
    expect(parseConfig([1, 2]).problems).toEqual(['The file must hold a JSON object with the console settings.'])
    expect(parseConfig({ ...valid, oidc: 'x' }).problems).toEqual([
      '"oidc" is missing: it must be an object with "authority" and "clientId".',
    ])
  })

  it('refuses non-http schemes such as javascript:', () => {
    expect(parseConfig({ ...valid, authApi: 'javascript:alert(1)' }).problems).toHaveLength(1)
  })
})

describe('loadConfig', () => {
  it('returns the checked configuration', async () => {
    const result = await loadConfig(respond(JSON.stringify(valid)))
    expect(result.ok).toBe(true)
  })

  it('explains a missing file', async () => {
    const result = await loadConfig(respond('Not Found', 404))
    expect(result).toEqual({ ok: false, source: '/config.json', problems: ['The server answered 404: the file is missing.'] })
  })

  it('recognises an index.html fallback served in place of the file', async () => {
    const result = await loadConfig(respond('<!doctype html><html></html>'))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]).toMatch(/HTML page instead of JSON/)
  })

  it('explains invalid JSON and a network failure', async () => {
    const broken = await loadConfig(respond('{"a":'))
    expect(!broken.ok && broken.problems).toEqual(['It is not valid JSON.'])
    const offline = await loadConfig(async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(!offline.ok && offline.problems).toEqual(['It could not be fetched: Failed to fetch.'])
  })
})

describe('getConfig', () => {
  it('returns what start-up set', () => {
    const { config } = parseConfig(valid)
    setConfig(config!)
    expect(getConfig().searchApi).toBe('https://search.example.org')
  })
})
