/**
 * Runtime configuration, read from `/config.json` before the app mounts, so one build serves
 * the local stack and any real Provena deployment.
 */
export interface OidcConfig {
  /** Keycloak realm URL, e.g. https://auth.example.org/auth/realms/provena */
  authority: string
  /** The public client registered for this console. */
  clientId: string
  /** Space-separated scopes to ask for; defaults to DEFAULT_SCOPE. */
  scope: string
}

/** Where the console sends S3 requests with the credentials the data store issues. */
export interface StorageConfig {
  /** An S3-compatible endpoint, path style (the local stack's /s3); null means AWS's own regional endpoint. */
  endpoint: string | null
  region: string
}

export interface AppConfig {
  dataStoreApi: string
  registryApi: string
  authApi: string
  searchApi: string
  oidc: OidcConfig
  /** Base URL that resolves handle ids, e.g. https://hdl.handle.net/ */
  handleResolver: string
  storage: StorageConfig
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; source: string; problems: string[] }

export const CONFIG_URL = '/config.json'
export const DEFAULT_SCOPE = 'openid profile email'
export const DEFAULT_HANDLE_RESOLVER = 'https://hdl.handle.net/'
/** Provena's deployments keep their buckets in Sydney. */
export const DEFAULT_STORAGE_REGION = 'ap-southeast-2'

const API_KEYS = ['dataStoreApi', 'registryApi', 'authApi', 'searchApi'] as const
const TOP_KEYS = new Set<string>([...API_KEYS, 'oidc', 'handleResolver', 'storage'])
const OIDC_KEYS = new Set(['authority', 'clientId', 'scope'])
const STORAGE_KEYS = new Set(['endpoint', 'region'])

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkUrl(value: unknown, key: string, problems: string[]): string {
  if (value === undefined) {
    problems.push(`"${key}" is missing: it must be the http(s) URL of the service.`)
    return ''
  }
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) {
    problems.push(`"${key}" must be an absolute http(s) URL, but is ${JSON.stringify(value)}.`)
    return ''
  }
  // API paths are joined onto these bases, so a trailing slash would double up.
  return value.replace(/\/+$/, '')
}

function unknownKeys(record: Record<string, unknown>, known: Set<string>, prefix: string, problems: string[]) {
  for (const key of Object.keys(record)) {
    if (!known.has(key)) problems.push(`"${prefix}${key}" is not a known setting (known: ${[...known].join(', ')}).`)
  }
}

/** Checks a parsed config.json and lists every problem, so an operator can fix them in one pass. */
export function parseConfig(raw: unknown): { config?: AppConfig; problems: string[] } {
  const problems: string[] = []
  if (!isRecord(raw)) return { problems: ['The file must hold a JSON object with the console settings.'] }
  unknownKeys(raw, TOP_KEYS, '', problems)
  const [dataStoreApi, registryApi, authApi, searchApi] = API_KEYS.map((key) => checkUrl(raw[key], key, problems))
  let oidc: OidcConfig = { authority: '', clientId: '', scope: DEFAULT_SCOPE }
  if (!isRecord(raw.oidc)) {
    problems.push('"oidc" is missing: it must be an object with "authority" and "clientId".')
  } else {
    unknownKeys(raw.oidc, OIDC_KEYS, 'oidc.', problems)
    const authority = checkUrl(raw.oidc.authority, 'oidc.authority', problems)
    const { clientId, scope } = raw.oidc
    if (typeof clientId !== 'string' || clientId.trim() === '') {
      problems.push('"oidc.clientId" must be the non-empty id of the public OpenID Connect client.')
    }
    if (scope !== undefined && (typeof scope !== 'string' || !scope.split(' ').includes('openid'))) {
      problems.push('"oidc.scope" must be a space-separated string that includes "openid".')
    }
    oidc = { authority, clientId: String(clientId ?? ''), scope: typeof scope === 'string' ? scope : DEFAULT_SCOPE }
  }
  const handleResolver =
    raw.handleResolver === undefined ? DEFAULT_HANDLE_RESOLVER : checkUrl(raw.handleResolver, 'handleResolver', problems)
  const storage: StorageConfig = { endpoint: null, region: DEFAULT_STORAGE_REGION }
  if (raw.storage !== undefined) {
    if (!isRecord(raw.storage)) problems.push('"storage" must be an object with an optional "endpoint" and "region".')
    else {
      unknownKeys(raw.storage, STORAGE_KEYS, 'storage.', problems)
      if (raw.storage.endpoint !== undefined) storage.endpoint = checkUrl(raw.storage.endpoint, 'storage.endpoint', problems)
      if (raw.storage.region !== undefined) {
        if (typeof raw.storage.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(raw.storage.region)) problems.push(`"storage.region" must be an AWS region such as ap-southeast-2, but is ${JSON.stringify(raw.storage.region)}.`)
        else storage.region = raw.storage.region
      }
    }
  }
  if (problems.length) return { problems }
  return {
    config: { dataStoreApi, registryApi, authApi, searchApi, oidc, handleResolver: handleResolver.replace(/\/?$/, '/'), storage },
    problems,
  }
}

/** Fetches and checks the configuration; never throws, so the caller can always show something. */
export async function loadConfig(fetchFn: typeof fetch = fetch, url = CONFIG_URL): Promise<ConfigResult> {
  const fail = (...problems: string[]): ConfigResult => ({ ok: false, source: url, problems })
  let response: Response
  try {
    response = await fetchFn(url, { cache: 'no-store', headers: { Accept: 'application/json' } })
  } catch (error) {
    return fail(`It could not be fetched: ${error instanceof Error ? error.message : String(error)}.`)
  }
  if (!response.ok) return fail(`The server answered ${response.status} ${response.statusText}`.trim() + ': the file is missing.')
  const text = await response.text()
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    const looksLikeHtml = /^\s*</.test(text)
    return fail(
      looksLikeHtml
        ? 'The server sent an HTML page instead of JSON: the file is probably missing and the server fell back to index.html.'
        : 'It is not valid JSON.',
    )
  }
  const { config, problems } = parseConfig(raw)
  return config ? { ok: true, config } : fail(...problems)
}

let current: AppConfig | undefined

export function setConfig(config: AppConfig): void {
  current = config
}

/** The loaded configuration; only valid after start-up has called setConfig. */
export function getConfig(): AppConfig {
  if (!current) throw new Error('The runtime configuration has not been loaded yet.')
  return current
}
