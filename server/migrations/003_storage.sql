-- Temporary storage credentials as STS would issue them: each reaches one dataset's prefix, to read or also write.
CREATE TABLE storage_credentials (
  access_key_id text PRIMARY KEY,
  secret_access_key text NOT NULL,
  session_token text NOT NULL,
  prefix text NOT NULL,
  can_write boolean NOT NULL,
  expires_at bigint NOT NULL
);

-- What S3 keeps beside an object's bytes: its ETag (an MD5, or an MD5 of part MD5s) and content type.
CREATE TABLE storage_objects (
  object_key text PRIMARY KEY,
  etag text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL,
  modified_ms bigint NOT NULL
);

-- Multipart uploads under way; their parts wait on disk outside the bucket until completed or aborted.
CREATE TABLE storage_uploads (
  upload_id text PRIMARY KEY,
  object_key text NOT NULL,
  content_type text NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE storage_upload_parts (
  upload_id text NOT NULL REFERENCES storage_uploads (upload_id) ON DELETE CASCADE,
  part_number integer NOT NULL,
  etag text NOT NULL,
  size bigint NOT NULL,
  PRIMARY KEY (upload_id, part_number)
)
