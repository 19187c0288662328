import type { Credentials } from '@/api/models/datastore'
import type { DatasetRole, ItemDataset } from '@/api/models/registry'

export type Shell = 'bash' | 'cmd' | 'powershell'

export const SHELLS: { value: Shell; title: string }[] = [
  { value: 'bash', title: 'Bash' },
  { value: 'cmd', title: 'CMD' },
  { value: 'powershell', title: 'PowerShell' },
]

const HIDDEN = '••••••••'

/** The credentials as environment variables for a shell; the secret and token masked unless `reveal`. */
export function credentialLines(credentials: Credentials, region: string, shell: Shell, reveal: boolean): string {
  const vars: [string, string][] = [
    ['AWS_ACCESS_KEY_ID', credentials.aws_access_key_id],
    ['AWS_SECRET_ACCESS_KEY', reveal ? credentials.aws_secret_access_key : HIDDEN],
    ['AWS_SESSION_TOKEN', reveal ? credentials.aws_session_token : HIDDEN],
    ['AWS_DEFAULT_REGION', region],
  ]
  const line = ([name, value]: [string, string]) =>
    shell === 'bash' ? `export ${name}="${value}"` : shell === 'cmd' ? `set ${name}=${value}` : `$Env:${name}="${value}"`
  return vars.map(line).join('\n')
}

/**
 * awscli commands for the dataset's folder. awscli addresses a bucket by path only when the endpoint's host is
 * an IP address, so a localhost endpoint is written as 127.0.0.1.
 */
export function awsCommands(item: Pick<ItemDataset, 's3'>, endpoint: string | null, write: boolean): string[] {
  const target = `s3://${item.s3.bucket_name}/${item.s3.path}`
  const flag = endpoint ? ` --endpoint-url ${endpoint.replace(/^(https?:\/\/)localhost(?=[:/]|$)/, '$1127.0.0.1')}` : ''
  const commands = [`aws s3 ls ${target} --recursive${flag}`, `aws s3 cp ${target} ./dataset --recursive${flag}`]
  if (write) commands.push(`aws s3 sync ./dataset ${target}${flag}`)
  return commands
}

/** Why write credentials would be refused, in words, in the data store's order of checks (contract §3.12); null when they would not. */
export function writeBlocker(item: Pick<ItemDataset, 'release_status'>, roles: DatasetRole[], locked: boolean, account: { canWrite: boolean; registryAdmin: boolean }): string | null {
  if (!account.canWrite) return 'Your account can only read the data store; changing files needs write access (entity-registry-write).'
  if (locked) return 'The dataset is locked; its files cannot change until a dataset admin unlocks it.'
  if (!account.registryAdmin && !roles.includes('dataset-data-write') && !roles.includes('admin')) return 'Changing files needs the dataset-data-write or admin role on this dataset; ask its owner.'
  if (item.release_status === 'PENDING') return 'A release review is under way; the files cannot change until it is decided.'
  if (item.release_status === 'RELEASED') return 'The dataset is released, so its files are fixed. Create a new version to change them.'
  return null
}

/** "7 h 59 min", "4 min 10 s", or null once expired. */
export function timeLeft(expiry: string, nowMs: number): string | null {
  const seconds = Math.floor((Date.parse(expiry) - nowMs) / 1000)
  if (!(seconds > 0)) return null
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  if (h) return `${h} h ${m} min`
  return m ? `${m} min ${seconds % 60} s` : `${seconds} s`
}
