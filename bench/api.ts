import autocannon from 'autocannon'
import { signIn } from '../server/tests/helpers/sign-in'

export interface LoadFigures {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

async function load(name: string, options: autocannon.Options): Promise<LoadFigures> {
  const result = await autocannon({ connections: 20, duration: 10, ...options })
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

/** Loads the list and fetch routes of the stack at `origin`. */
export async function benchApi(origin: string) {
  const { access_token } = await signIn(origin, 'steward', 'steward')
  // Asked for compressed answers, as Chromium and the Python client's httpx ask for every request.
  const accept = { 'accept-encoding': 'gzip, deflate, br' }
  const headers = { ...accept, authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  // Datasets the steward may see, from the list itself (private ones of others would answer 401).
  const listed = await fetch(`${origin}/data-store/registry/items/list`, { method: 'POST', headers, body: JSON.stringify({ page_size: 200 }) })
  const rows = ((await listed.json()) as { items: { id: string }[] }).items
  const list = await load('POST /data-store/registry/items/list (page_size 20)', {
    url: `${origin}/data-store/registry/items/list`,
    method: 'POST',
    headers,
    body: JSON.stringify({ page_size: 20 }),
  })
  let next = 0
  const fetchOne = await load('GET /data-store/registry/items/fetch-dataset', {
    url: origin,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(rows[next++ % rows.length].id)}` }) }],
  })
  // The HTTP floor under the same load: the data store's health route, which reads nothing and checks no token.
  const health = await load('GET /data-store/ (health, the HTTP floor)', { url: `${origin}/data-store/`, headers: accept })
  return { list, fetchOne, health }
}
