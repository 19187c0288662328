import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import { AwsChunkedDecoder } from '../src/s3/body'
import { listDoc, listObjects, type ObjectEntry } from '../src/s3/listing'

const entry = (key: string): ObjectEntry => ({ key, size: key.length, modifiedMs: 0, etag: '"e"' })
const keys = ['p/b.txt', 'p/a/2.txt', 'p/a/1.txt', 'p/a-c.txt', 'q/x.txt'].map(entry)
const base = { prefix: 'p/', maxKeys: 1000, urlEncoded: false }

describe('ListObjectsV2', () => {
  it('orders whole keys by byte, as S3 does ("a-c" before "a/…")', () => {
    expect(listObjects(keys, base).contents.map((e) => e.key)).toEqual(['p/a-c.txt', 'p/a/1.txt', 'p/a/2.txt', 'p/b.txt'])
  })

  it('rolls keys up into common prefixes with a delimiter, each counted once', () => {
    const page = listObjects(keys, { ...base, delimiter: '/' })
    expect(page.contents.map((e) => e.key)).toEqual(['p/a-c.txt', 'p/b.txt'])
    expect(page.commonPrefixes).toEqual(['p/a/'])
  })

  it('pages by max-keys with a token that continues past a common prefix', () => {
    const first = listObjects(keys, { ...base, delimiter: '/', maxKeys: 2 })
    expect([...first.contents.map((e) => e.key), ...first.commonPrefixes]).toEqual(['p/a-c.txt', 'p/a/'])
    const next = listObjects(keys, { ...base, delimiter: '/', maxKeys: 2, continuationToken: first.nextToken! })
    expect(next).toEqual({ contents: [entry('p/b.txt')], commonPrefixes: [], nextToken: null })
  })

  it('url-encodes keys when asked, and escapes XML', () => {
    const xml = listDoc('b', { ...base, urlEncoded: true }, listObjects([entry('p/a & b+c.txt')], { ...base, urlEncoded: true }))
    expect(xml).toContain('<Key>p/a%20%26%20b%2Bc.txt</Key>')
    expect(xml).toContain('<EncodingType>url</EncodingType>')
    expect(listDoc('b', base, listObjects([entry('p/<&>.txt')], base))).toContain('<Key>p/&lt;&amp;&gt;.txt</Key>')
  })
})

describe('aws-chunked bodies', () => {
  const decode = (...pieces: string[]) => text(Readable.from(pieces.map((p) => Buffer.from(p))).pipe(new AwsChunkedDecoder()))

  it('strips the framing and the trailing checksum, across any split of the bytes', async () => {
    const framed = '5\r\nhello\r\n7\r\n, world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n'
    expect(await decode(framed)).toBe('hello, world')
    expect(await decode(...framed.split(''))).toBe('hello, world')
  })

  it('refuses a body cut short, a bad size and signed chunks', async () => {
    await expect(decode('5\r\nhel')).rejects.toMatchObject({ code: 'IncompleteBody' })
    await expect(decode('zz\r\nhello\r\n')).rejects.toMatchObject({ code: 'IncompleteBody' })
    await expect(decode('5;chunk-signature=ab\r\nhello\r\n')).rejects.toMatchObject({ code: 'NotImplemented' })
  })
})
