import { doc, el } from './xml'

/** One object as a listing shows it. */
export interface ObjectEntry {
  key: string
  size: number
  modifiedMs: number
  etag: string
}

export interface ListParams {
  prefix: string
  delimiter?: string
  maxKeys: number
  startAfter?: string
  continuationToken?: string
  /** encoding-type=url: keys come back percent-encoded (awscli asks for it). */
  urlEncoded: boolean
}

export interface ListPage {
  contents: ObjectEntry[]
  commonPrefixes: string[]
  nextToken: string | null
}

const tokenOf = (key: string) => Buffer.from(key).toString('base64url')
const keyOf = (token: string) => Buffer.from(token, 'base64url').toString()

/**
 * ListObjectsV2 over entries under the prefix: S3's byte order of whole keys, a delimiter rolling keys up
 * into common prefixes (each counted once), pages of at most maxKeys, and a token that is the last key or prefix sent.
 */
export function listObjects(entries: ObjectEntry[], params: ListParams): ListPage {
  const after = params.continuationToken !== undefined ? keyOf(params.continuationToken) : params.startAfter ?? ''
  const sorted = entries.filter((e) => e.key.startsWith(params.prefix) && e.key > after).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const contents: ObjectEntry[] = []
  const commonPrefixes: string[] = []
  let last = ''
  for (const entry of sorted) {
    const rest = entry.key.slice(params.prefix.length)
    const cut = params.delimiter ? rest.indexOf(params.delimiter) : -1
    const rolled = cut >= 0 ? params.prefix + rest.slice(0, cut + params.delimiter!.length) : null
    // A continuation past a common prefix skips every key beneath it.
    if (rolled && (rolled === commonPrefixes.at(-1) || (after && after.startsWith(rolled)))) continue
    if (contents.length + commonPrefixes.length === params.maxKeys) return { contents, commonPrefixes, nextToken: tokenOf(last) }
    if (rolled) commonPrefixes.push(rolled)
    else contents.push(entry)
    last = rolled ?? entry.key
  }
  return { contents, commonPrefixes, nextToken: null }
}

export function listDoc(bucket: string, params: ListParams, page: ListPage): string {
  const enc = (text: string) => (params.urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text)
  const contents = page.contents
    .map((o) => `<Contents>${el('Key', enc(o.key))}${el('LastModified', new Date(o.modifiedMs).toISOString())}${el('ETag', o.etag)}${el('Size', o.size)}${el('StorageClass', 'STANDARD')}</Contents>`)
    .join('')
  const prefixes = page.commonPrefixes.map((p) => `<CommonPrefixes>${el('Prefix', enc(p))}</CommonPrefixes>`).join('')
  return doc(
    'ListBucketResult',
    el('Name', bucket) +
      el('Prefix', enc(params.prefix)) +
      el('Delimiter', params.delimiter !== undefined ? enc(params.delimiter) : undefined) +
      el('MaxKeys', params.maxKeys) +
      el('EncodingType', params.urlEncoded ? 'url' : undefined) +
      el('KeyCount', page.contents.length + page.commonPrefixes.length) +
      el('IsTruncated', page.nextToken !== null) +
      el('ContinuationToken', params.continuationToken) +
      el('NextContinuationToken', page.nextToken ?? undefined) +
      el('StartAfter', params.startAfter !== undefined ? enc(params.startAfter) : undefined) +
      contents +
      prefixes,
  )
}
