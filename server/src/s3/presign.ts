import { AwsV4Signer } from 'aws4fetch'
import type { IssuedCredentials } from '../domain/storage-credentials'

/** The region the stack's endpoint names in config.json; signatures carry it in their scope. */
export const STORAGE_REGION = 'ap-southeast-2'

/** `attachment` with the file's own name: an ASCII fallback for old clients and the UTF-8 form (RFC 6266) for the rest. */
export function attachment(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1)
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

/**
 * A Signature V4 presigned GET of one object on the stack's S3 endpoint, as boto3's generate_presigned_url
 * makes on AWS: the query carries the credential, expiry and signature, and asks for the download as an
 * attachment. Signed by aws4fetch, the signer the endpoint checks with.
 */
export async function presignGet(endpoint: string, bucket: string, key: string, credentials: IssuedCredentials, expiresIn: number): Promise<string> {
  const url = new URL(`${endpoint}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`)
  url.searchParams.set('response-content-disposition', attachment(key))
  url.searchParams.set('X-Amz-Expires', String(expiresIn))
  const signer = new AwsV4Signer({
    method: 'GET',
    url: url.toString(),
    accessKeyId: credentials.aws_access_key_id,
    secretAccessKey: credentials.aws_secret_access_key,
    sessionToken: credentials.aws_session_token,
    service: 's3',
    region: STORAGE_REGION,
    signQuery: true,
  })
  return (await signer.sign()).url.toString()
}
