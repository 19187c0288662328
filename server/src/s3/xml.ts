/** S3's XML: every answer and error is a small document in S3's namespace, element order free. */

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/'

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
}

/** One element; a value of undefined leaves it out, so optional fields read as absent, as S3 sends them. */
export function el(name: string, value: string | number | boolean | undefined): string {
  return value === undefined ? '' : `<${name}>${escapeXml(String(value))}</${name}>`
}

export function doc(root: string, body: string, namespaced = true): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${namespaced ? ` xmlns="${NS}"` : ''}>${body}</${root}>`
}

/** A failure S3 names by code; clients (awscli, the SDKs) report the code and message as they are. */
export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

export const s3Errors = {
  accessDenied: (message = 'Access Denied') => new S3Error(403, 'AccessDenied', message),
  noSuchKey: (key: string) => new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key }),
  noSuchBucket: (bucket: string) => new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucket }),
  noSuchUpload: (id: string) =>
    new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', { UploadId: id }),
  invalidArgument: (message: string) => new S3Error(400, 'InvalidArgument', message),
  notImplemented: (what: string) => new S3Error(501, 'NotImplemented', `A header or operation you provided implies functionality that is not implemented: ${what}.`),
}

export function errorDoc(error: S3Error, resource: string, requestId: string): string {
  const extra = Object.entries(error.fields).map(([name, value]) => el(name, value)).join('')
  return doc('Error', `${el('Code', error.code)}${el('Message', error.message)}${extra}${el('Resource', resource)}${el('RequestId', requestId)}`, false)
}
