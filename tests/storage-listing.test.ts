import { describe, expect, it } from 'vitest'
import { parseListing, storageError } from '@/api/storage'

describe('parseListing', () => {
  it('reads keys, sizes and ETags, unescaping XML, and the next token only when truncated', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><IsTruncated>true</IsTruncated>
<NextContinuationToken>abc&amp;d</NextContinuationToken>
<Contents><Key>p/a &amp; b &lt;1&gt;.txt</Key><LastModified>2026-12-07T00:00:00.000Z</LastModified><ETag>&quot;e1&quot;</ETag><Size>12</Size></Contents>
<Contents><Key>p/caf&#233;.csv</Key><LastModified>2026-12-08T00:00:00.000Z</LastModified><ETag>"e2"</ETag><Size>0</Size></Contents></ListBucketResult>`
    expect(parseListing(xml)).toEqual({
      objects: [
        { key: 'p/a & b <1>.txt', size: 12, last_modified: '2026-12-07T00:00:00.000Z', etag: '"e1"' },
        { key: 'p/café.csv', size: 0, last_modified: '2026-12-08T00:00:00.000Z', etag: '"e2"' },
      ],
      next_continuation_token: 'abc&d',
    })
    expect(parseListing(xml.replace('<IsTruncated>true', '<IsTruncated>false')).next_continuation_token).toBeNull()
    expect(parseListing('<ListBucketResult><KeyCount>0</KeyCount></ListBucketResult>').objects).toEqual([])
  })
})

describe('storageError', () => {
  it("leads with S3's code, unescaping its message, and treats an expired credential as a lapsed session", () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied: these credentials reach p/ &amp; q/ only.</Message></Error>'
    expect(storageError(403, xml)).toMatchObject({ kind: 'forbidden', status: 403, detail: 'AccessDenied: Access Denied: these credentials reach p/ & q/ only.' })
    expect(storageError(400, '<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>')).toMatchObject({ kind: 'unauthenticated' })
    expect(storageError(502, 'Bad gateway')).toMatchObject({ kind: 'server', detail: 'The storage answered 502.' })
  })
})
