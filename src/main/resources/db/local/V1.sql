-- The counter's local store. Personal data lives only in results.body (AES-GCM, PD2).
CREATE TABLE counter_sequence (
  counter_id TEXT PRIMARY KEY,
  last_sequence INTEGER NOT NULL
);

CREATE TABLE results (
  id TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SYNCED', 'PARKED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  case_kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  synced_at INTEGER,
  answer TEXT,
  body BLOB,
  body_digest TEXT NOT NULL,
  purged_at INTEGER,
  UNIQUE (counter_id, sequence)
);
CREATE INDEX results_by_state ON results (state, counter_id, sequence);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clerks (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('CLERK', 'AGENCY_OPERATOR', 'TECHNICIAN', 'SUPERVISOR')),
  pin_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_mac TEXT NOT NULL,
  mac TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
