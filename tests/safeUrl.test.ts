import { describe, expect, it } from 'vitest'
import { httpUrl } from '@/safeUrl'

describe('httpUrl', () => {
  it('links http and https URLs only', () => {
    expect(httpUrl('https://creativecommons.org/licenses/by/4.0/')).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(httpUrl(' http://example.org/data ')).toBe('http://example.org/data')
    for (const text of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://host/x', 'example.org', '', '//evil.example']) {
      expect(httpUrl(text)).toBeNull()
    }
    expect(httpUrl(42)).toBeNull()
    expect(httpUrl(null)).toBeNull()
  })
})
