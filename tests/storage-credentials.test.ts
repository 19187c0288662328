import { describe, expect, it } from 'vitest'
import { awsCommands, credentialLines, timeLeft, writeBlocker } from '@/storageCredentials'

const credentials = { aws_access_key_id: 'ASIA1', aws_secret_access_key: 'sec/ret', aws_session_token: 'tok', expiry: '2026-12-07T20:00:00+00:00' }
const item = { s3: { bucket_name: 'b', path: 'datasets/10378-1-1/', s3_uri: 's3://b/datasets/10378-1-1/' } }

describe('storage credentials in words and commands', () => {
  it('writes the variables for each shell, masking the secret and token until revealed', () => {
    expect(credentialLines(credentials, 'ap-southeast-2', 'bash', false)).toBe(
      'export AWS_ACCESS_KEY_ID="ASIA1"\nexport AWS_SECRET_ACCESS_KEY="••••••••"\nexport AWS_SESSION_TOKEN="••••••••"\nexport AWS_DEFAULT_REGION="ap-southeast-2"',
    )
    expect(credentialLines(credentials, 'r', 'cmd', true).split('\n')[1]).toBe('set AWS_SECRET_ACCESS_KEY=sec/ret')
    expect(credentialLines(credentials, 'r', 'powershell', true).split('\n')[2]).toBe('$Env:AWS_SESSION_TOKEN="tok"')
  })

  it('gives awscli commands for the folder, with a localhost endpoint written as an IP', () => {
    expect(awsCommands(item, 'http://localhost:8080/s3', true)).toEqual([
      'aws s3 ls s3://b/datasets/10378-1-1/ --recursive --endpoint-url http://127.0.0.1:8080/s3',
      'aws s3 cp s3://b/datasets/10378-1-1/ ./dataset --recursive --endpoint-url http://127.0.0.1:8080/s3',
      'aws s3 sync ./dataset s3://b/datasets/10378-1-1/ --endpoint-url http://127.0.0.1:8080/s3',
    ])
    expect(awsCommands(item, null, false)).toEqual(['aws s3 ls s3://b/datasets/10378-1-1/ --recursive', 'aws s3 cp s3://b/datasets/10378-1-1/ ./dataset --recursive'])
  })

  it('says why write credentials would be refused, in the data store\'s order', () => {
    const account = { canWrite: true, registryAdmin: false }
    expect(writeBlocker({ release_status: 'NOT_RELEASED' }, ['dataset-data-write'], false, account)).toBeNull()
    expect(writeBlocker({ release_status: 'RELEASED' }, ['admin'], true, account)).toMatch(/locked/)
    expect(writeBlocker({ release_status: 'RELEASED' }, ['admin'], false, account)).toMatch(/released/)
    expect(writeBlocker({ release_status: 'PENDING' }, ['metadata-read'], false, account)).toMatch(/dataset-data-write or admin/)
    expect(writeBlocker({ release_status: 'NOT_RELEASED' }, [], false, { canWrite: true, registryAdmin: true })).toBeNull()
  })

  it('counts down to the expiry', () => {
    const at = Date.parse('2026-12-07T12:00:00Z')
    expect(timeLeft(credentials.expiry, at)).toBe('8 h 0 min')
    expect(timeLeft('2026-12-07T12:04:10Z', at)).toBe('4 min 10 s')
    expect(timeLeft('2026-12-07T11:00:00Z', at)).toBeNull()
  })
})
