import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { Queryable } from '../db/database'
import type { FileStorage } from '../domain/storage'
import type { ObjectEntry } from './listing'
import { S3Error, s3Errors } from './xml'

/**
 * The bucket's objects as the S3 endpoint sees them: bytes in FileStorage's folders, ETag and content type
 * in the database (a file put there by other means, such as the seed, gets its MD5 on first sight).
 * Multipart parts wait in `.multipart/` under the root, which no dataset prefix reaches.
 */
export class ObjectStore {
  private readonly root: string
  private readonly partsRoot: string

  constructor(
    private readonly db: Queryable,
    readonly storage: FileStorage,
  ) {
    this.root = resolve(storage.root)
    this.partsRoot = join(this.root, '.multipart')
    mkdirSync(this.partsRoot, { recursive: true })
  }

  /** Where an object's bytes live; a key that cannot be a file here is refused before anything is written. */
  fileOf(key: string): string {
    const segments = key.split('/')
    if (!key || key.startsWith('/') || segments.some((s) => s === '.' || s === '..' || s.includes('\\')) || segments.slice(0, -1).some((s) => !s)) {
      throw s3Errors.invalidArgument(`The key ${key} is not one the data store can hold: empty, ".", ".." or backslash segments are not allowed.`)
    }
    const file = resolve(this.root, key)
    if (!file.startsWith(this.root + sep) || file.startsWith(this.partsRoot + sep)) throw s3Errors.invalidArgument(`The key ${key} is outside the bucket.`)
    return file
  }

  tempFile(): string {
    return join(this.partsRoot, `put-${randomBytes(12).toString('hex')}`)
  }

  async head(key: string): Promise<(ObjectEntry & { contentType: string; file: string }) | null> {
    const file = this.fileOf(key.endsWith('/') ? key.slice(0, -1) : key)
    const found = await stat(file).catch(() => null)
    if (!found?.isFile() || key.endsWith('/')) return null
    const { rows } = await this.db.query<{ etag: string; content_type: string; size: string; modified_ms: string }>('SELECT * FROM storage_objects WHERE object_key = $1', [key])
    const row = rows[0]
    if (row && Number(row.size) === found.size && Number(row.modified_ms) === Math.trunc(found.mtimeMs)) {
      return { key, size: found.size, modifiedMs: found.mtimeMs, etag: row.etag, contentType: row.content_type, file }
    }
    const etag = `"${await md5Of(file)}"`
    await this.record(key, etag, row?.content_type ?? 'application/octet-stream', file)
    return { key, size: found.size, modifiedMs: found.mtimeMs, etag, contentType: row?.content_type ?? 'application/octet-stream', file }
  }

  /** Every object under the folder part of `prefix`, with its ETag (looked up in one query). */
  async entries(prefix: string): Promise<ObjectEntry[]> {
    const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1)
    const base = folder ? this.fileOf(folder.slice(0, -1)) : this.root
    if (!existsSync(base)) return []
    const files: { key: string; size: number; modifiedMs: number }[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name)
        if (full === this.partsRoot) continue
        const info = statSync(full)
        if (info.isDirectory()) walk(full)
        else files.push({ key: relative(this.root, full).split(sep).join('/'), size: info.size, modifiedMs: info.mtimeMs })
      }
    }
    walk(base)
    const { rows } = await this.db.query<{ object_key: string; etag: string; size: string; modified_ms: string }>(
      "SELECT object_key, etag, size, modified_ms FROM storage_objects WHERE starts_with(object_key, $1)",
      [folder],
    )
    const known = new Map(rows.map((r) => [r.object_key, r]))
    return Promise.all(
      files.filter((f) => f.key.startsWith(prefix)).map(async (f) => {
        const row = known.get(f.key)
        const fresh = row && Number(row.size) === f.size && Number(row.modified_ms) === Math.trunc(f.modifiedMs)
        return { ...f, etag: fresh ? row.etag : ((await this.head(f.key))?.etag ?? '""') }
      }),
    )
  }

  /** Moves a received file into place as `key`, replacing any object there. */
  async commit(temp: string, key: string, etag: string, contentType: string): Promise<void> {
    const file = this.fileOf(key)
    const clash = await stat(file).catch(() => null)
    if (clash?.isDirectory()) throw s3Errors.invalidArgument(`The key ${key} is a folder of other objects here, so it cannot also be an object.`)
    mkdirSync(dirname(file), { recursive: true })
    await rename(temp, file)
    await this.record(key, etag, contentType, file)
  }

  async remove(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true })
    await this.db.query('DELETE FROM storage_objects WHERE object_key = $1', [key])
  }

  private async record(key: string, etag: string, contentType: string, file: string) {
    const info = await stat(file)
    await this.db.query(
      `INSERT INTO storage_objects (object_key, etag, content_type, size, modified_ms) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (object_key) DO UPDATE SET etag = $2, content_type = $3, size = $4, modified_ms = $5`,
      [key, etag, contentType, info.size, Math.trunc(info.mtimeMs)],
    )
  }

  // Multipart uploads.

  async createUpload(key: string, contentType: string, now: number): Promise<string> {
    this.fileOf(key)
    const id = randomBytes(24).toString('base64url')
    mkdirSync(join(this.partsRoot, id))
    await this.db.query('INSERT INTO storage_uploads (upload_id, object_key, content_type, created_at) VALUES ($1, $2, $3, $4)', [id, key, contentType, now])
    return id
  }

  async upload(id: string, key: string): Promise<{ content_type: string }> {
    const { rows } = await this.db.query<{ object_key: string; content_type: string }>('SELECT object_key, content_type FROM storage_uploads WHERE upload_id = $1', [id])
    if (!rows[0] || rows[0].object_key !== key) throw s3Errors.noSuchUpload(id)
    return rows[0]
  }

  partFile(id: string, partNumber: number): string {
    return join(this.partsRoot, id, String(partNumber))
  }

  async savePart(id: string, partNumber: number, temp: string, md5: string, size: number): Promise<void> {
    await rename(temp, this.partFile(id, partNumber))
    await this.db.query(
      `INSERT INTO storage_upload_parts (upload_id, part_number, etag, size) VALUES ($1, $2, $3, $4)
       ON CONFLICT (upload_id, part_number) DO UPDATE SET etag = $3, size = $4`,
      [id, partNumber, `"${md5}"`, size],
    )
  }

  async parts(id: string): Promise<{ part_number: number; etag: string; size: number }[]> {
    const { rows } = await this.db.query<{ part_number: number; etag: string; size: string }>('SELECT part_number, etag, size FROM storage_upload_parts WHERE upload_id = $1 ORDER BY part_number', [id])
    return rows.map((r) => ({ ...r, size: Number(r.size) }))
  }

  /** Joins the listed parts, in order, into the object; its ETag is the MD5 of the parts' MD5s with the part count, as S3's. */
  async complete(id: string, key: string, listed: { partNumber: number; etag: string }[]): Promise<string> {
    const { content_type } = await this.upload(id, key)
    const stored = new Map((await this.parts(id)).map((p) => [p.part_number, p]))
    if (!listed.length) throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.')
    listed.forEach((part, i) => {
      if (i > 0 && part.partNumber <= listed[i - 1].partNumber) throw new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.')
      const found = stored.get(part.partNumber)
      if (!found || found.etag.replace(/"/g, '') !== part.etag.replace(/"/g, '')) {
        throw new S3Error(400, 'InvalidPart', 'One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part\'s entity tag.')
      }
    })
    const temp = this.tempFile()
    const digests = createHash('md5')
    for (const part of listed) {
      await pipeline(createReadStream(this.partFile(id, part.partNumber)), createWriteStream(temp, { flags: 'a' }))
      digests.update(Buffer.from(stored.get(part.partNumber)!.etag.replace(/"/g, ''), 'hex'))
    }
    const etag = `"${digests.digest('hex')}-${listed.length}"`
    await this.commit(temp, key, etag, content_type)
    await this.abort(id)
    return etag
  }

  async abort(id: string): Promise<void> {
    await this.db.query('DELETE FROM storage_uploads WHERE upload_id = $1', [id])
    await rm(join(this.partsRoot, id), { recursive: true, force: true })
  }
}

function md5Of(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('md5')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')))
  })
}
