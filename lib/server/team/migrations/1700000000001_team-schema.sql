-- Up Migration
-- The team's system of record. One database serves one team: a token from another team's database is simply
-- unknown here (401). Sent notices are frozen (the app refuses to change `sent`), events only append, and every
-- write is in audit_log.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

-- Only the SHA-256 of a token is stored: a leaked database does not hand out working tokens.
CREATE TABLE tokens (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  token_sha256 bytea NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE works (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  version integer NOT NULL,
  updated_by bigint NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE letterhead (
  id smallint PRIMARY KEY CHECK (id = 1),
  data jsonb NOT NULL,
  version integer NOT NULL,
  updated_by bigint NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The pull cursor: every change to a notice (or an event appended to it) takes the next value.
CREATE SEQUENCE change_seq;

CREATE TABLE notices (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  sent_sha256 text,
  created_by bigint NOT NULL REFERENCES users (id),
  updated_by bigint NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  change bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX notices_change ON notices (change);

CREATE TABLE notice_events (
  notice_id text NOT NULL REFERENCES notices (id),
  seq integer NOT NULL,
  hash text NOT NULL,
  data jsonb NOT NULL,
  pushed_by bigint NOT NULL REFERENCES users (id),
  pushed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, seq)
);

-- Append-only at the database level too: an UPDATE or DELETE of an event is an error whoever issues it.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'notice_events is append-only';
END;
$$;
CREATE TRIGGER notice_events_append_only BEFORE UPDATE OR DELETE ON notice_events
  FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TABLE blobs (
  sha256 text PRIMARY KEY,
  data bytea NOT NULL
);

CREATE TABLE evidence (
  notice_id text NOT NULL REFERENCES notices (id),
  id text NOT NULL,
  sha256 text NOT NULL,
  meta jsonb NOT NULL,
  pushed_by bigint NOT NULL REFERENCES users (id),
  pushed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, id)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id bigint REFERENCES users (id),
  action text NOT NULL,
  target text NOT NULL DEFAULT '',
  outcome text NOT NULL CHECK (outcome IN ('ok', 'refused')),
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Down Migration
DROP TABLE audit_log;
DROP TABLE evidence;
DROP TABLE blobs;
DROP TRIGGER notice_events_append_only ON notice_events;
DROP FUNCTION refuse_event_change();
DROP TABLE notice_events;
DROP TABLE notices;
DROP SEQUENCE change_seq;
DROP TABLE letterhead;
DROP TABLE works;
DROP TABLE tokens;
DROP TABLE users;
