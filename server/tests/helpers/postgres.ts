import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort } from './stack'

function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const version = existsSync(root) ? readdirSync(root).sort().pop() : undefined
  const bin = process.env.PG_BIN ?? (version ? join(root, version, 'bin') : '')
  if (!existsSync(join(bin, 'initdb'))) {
    throw new Error("PostgreSQL's server binaries were not found: apt-get install -y postgresql (or set PG_BIN).")
  }
  return bin
}

/** A throw-away PostgreSQL cluster on a free port; the server refuses to run as root, so root runs it as postgres. */
export async function startPostgres() {
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'datastore-pg-'))
  const asRoot = userInfo().uid === 0
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim()
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim()
    chownSync(dir, Number(ids), Number(gid))
  }
  // stdio is ignored: the server pg_ctl starts would otherwise hold the pipe open and execFileSync never return.
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'ignore' })
      : execFileSync(join(bin, tool), args, { stdio: 'ignore' })
  const port = await freePort()
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync'])
  run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start'])
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
