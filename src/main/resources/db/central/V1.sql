-- The reference central's store. The same SQL runs on SQLite and PostgreSQL.
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  registered_user_id TEXT,
  status TEXT NOT NULL,
  name TEXT NOT NULL,
  document_type TEXT NOT NULL,
  document_number TEXT NOT NULL,
  nationality TEXT NOT NULL,
  duplicate_identity INTEGER NOT NULL,
  phone_last4 TEXT,
  email_first3 TEXT,
  frozen TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX records_by_document ON records (document_number, document_type);
CREATE INDEX records_by_user ON records (registered_user_id);

CREATE TABLE results (
  result_id TEXT PRIMARY KEY,
  counter_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  body_digest TEXT NOT NULL,
  answer_kind TEXT NOT NULL,
  answer TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  repeats BIGINT NOT NULL,
  reused_id_attempts BIGINT NOT NULL
);
CREATE INDEX results_by_counter ON results (counter_id, sequence);

CREATE TABLE counters (
  counter_id TEXT PRIMARY KEY,
  highest_sequence BIGINT NOT NULL
);

CREATE TABLE sequence_gaps (
  counter_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  detected_at BIGINT NOT NULL,
  filled_at BIGINT,
  PRIMARY KEY (counter_id, sequence)
);

CREATE TABLE status_changes (
  result_id TEXT NOT NULL,
  record_id TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  at BIGINT NOT NULL
);

CREATE TABLE duplicate_claims (
  result_id TEXT PRIMARY KEY,
  record_id TEXT,
  at BIGINT NOT NULL
);
