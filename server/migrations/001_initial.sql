-- Registry items (datasets, people, organisations). The full item as Provena returns it lives in doc;
-- the columns beside it are what lists sort, filter and page on.
CREATE TABLE items (
  id text PRIMARY KEY,
  item_subtype text NOT NULL,
  record_type text NOT NULL,
  owner_username text NOT NULL,
  display_name text NOT NULL,
  created_timestamp bigint NOT NULL,
  updated_timestamp bigint NOT NULL,
  release_status text,
  release_approver text,
  release_timestamp bigint,
  access_info_uri text,
  search_text text NOT NULL DEFAULT '',
  doc jsonb NOT NULL
);
CREATE INDEX items_updated ON items (item_subtype, updated_timestamp, id);
CREATE INDEX items_created ON items (item_subtype, created_timestamp, id);
CREATE INDEX items_name ON items (item_subtype, display_name, id);
CREATE INDEX items_access_uri ON items (item_subtype, access_info_uri, id);
CREATE INDEX items_approver ON items (release_approver, release_timestamp, id);

-- Handle suffixes are minted from this sequence: 10378.1/<n>.
CREATE SEQUENCE handle_seq START 1451860;

-- Per-item access settings (Provena's auth table).
CREATE TABLE access_settings (
  item_id text PRIMARY KEY REFERENCES items (id),
  owner text NOT NULL,
  general jsonb NOT NULL DEFAULT '[]',
  groups jsonb NOT NULL DEFAULT '{}'
);

-- Per-item lock state and its history (Provena's lock table).
CREATE TABLE locks (
  item_id text PRIMARY KEY REFERENCES items (id),
  locked boolean NOT NULL DEFAULT false,
  history jsonb NOT NULL DEFAULT '[]'
);

-- System dataset reviewers: registry Person ids.
CREATE TABLE reviewers (person_id text PRIMARY KEY);

-- Auth API: which registry Person a user is linked to.
CREATE TABLE user_links (username text PRIMARY KEY, person_id text NOT NULL);

-- Auth API groups, whose members get a dataset's group roles.
CREATE TABLE group_members (group_id text NOT NULL, username text NOT NULL, PRIMARY KEY (group_id, username));

-- Accounts of the local OpenID Connect provider.
CREATE TABLE users (
  username text PRIMARY KEY,
  password_hash text NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  roles jsonb NOT NULL DEFAULT '[]'
);

-- oidc-provider's state (sessions, grants, codes, refresh tokens, device codes, interactions).
CREATE TABLE oidc_payloads (
  id text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (kind, id)
);
CREATE INDEX oidc_payloads_grant ON oidc_payloads (grant_id);
CREATE INDEX oidc_payloads_user_code ON oidc_payloads (user_code);
CREATE INDEX oidc_payloads_uid ON oidc_payloads (uid);

-- Signing keys and cookie secrets of the provider, so a restart signs nobody out.
CREATE TABLE secrets (name text PRIMARY KEY, value jsonb NOT NULL);

-- E-mails the APIs would send, kept instead of a mail server.
CREATE TABLE outbox (
  id serial PRIMARY KEY,
  email_to text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
