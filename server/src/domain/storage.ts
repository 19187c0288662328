import { createHmac, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { S3Location } from './types'

/** Provena's S3 path for a handle: '.' and '/' become '-', so 10378.1/1451860 -> datasets/10378-1-1451860/. */
export function datasetPath(handle: string): string {
  return `datasets/${handle.trim().replace(/[./]/g, '-')}/`
}

export interface StoredFile {
  path: string
  size: number
}

/** The data store's bucket, as folders on disk, with S3-style signed, expiring download links. */
export class FileStorage {
  constructor(
    readonly root: string,
    readonly bucket: string,
    private readonly secret: string,
  ) {
    mkdirSync(root, { recursive: true })
  }

  locationFor(handle: string): S3Location {
    const path = datasetPath(handle)
    return { bucket_name: this.bucket, path, s3_uri: `s3://${this.bucket}/${path}` }
  }

  /** Absolute file path of an object key, refusing keys that would escape the bucket. */
  private fileOf(key: string): string {
    const file = resolve(this.root, key)
    if (!file.startsWith(resolve(this.root) + sep)) throw new Error(`Key escapes the bucket: ${key}`)
    return file
  }

  exists(key: string): boolean {
    const file = this.fileOf(key)
    return existsSync(file) && statSync(file).isFile()
  }

  prefixExists(prefix: string): boolean {
    return existsSync(this.fileOf(prefix))
  }

  write(key: string, content: string | Buffer): void {
    const file = this.fileOf(key)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }

  /** metadata.json as Provena writes it: the metadata with None fields dropped, pretty-printed. */
  writeMetadata(path: string, metadata: unknown): void {
    this.write(`${path}metadata.json`, JSON.stringify(metadata, (_key, value) => (value === null ? undefined : value), 2))
  }

  list(prefix: string): StoredFile[] {
    const base = this.fileOf(prefix)
    if (!existsSync(base)) return []
    const found: StoredFile[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const full = join(dir, name)
        const stat = statSync(full)
        if (stat.isDirectory()) walk(full)
        else found.push({ path: relative(base, full).split(sep).join('/'), size: stat.size })
      }
    }
    walk(base)
    return found
  }

  filePath(key: string): string {
    return this.fileOf(key)
  }

  private sign(key: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${this.bucket}\n${key}\n${expires}`).digest('hex')
  }

  /** A GET link to one object, valid for expiresIn seconds, served by the stack's /storage route. */
  presign(origin: string, key: string, expiresIn: number, nowSeconds: number): string {
    const expires = nowSeconds + expiresIn
    const encodedKey = key.split('/').map(encodeURIComponent).join('/')
    return `${origin}/storage/${this.bucket}/${encodedKey}?X-Amz-Expires=${expiresIn}&expires=${expires}&signature=${this.sign(key, expires)}`
  }

  verify(key: string, expires: number, signature: string, nowSeconds: number): 'ok' | 'expired' | 'invalid' {
    const expected = Buffer.from(this.sign(key, expires))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    return expires < nowSeconds ? 'expired' : 'ok'
  }
}
