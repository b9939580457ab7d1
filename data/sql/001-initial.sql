-- Zicha schema, migration 1: the records of interchange format v1 and what the app keeps.
-- Conventions:
--   * every table has an INTEGER PRIMARY KEY `id`; references between records use these ids
--     (joins on integers, not text keys), and every reference column has an index;
--   * the body's own keys (cert_no, audit_id, ...) are kept as written, UNIQUE;
--   * dates are TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DD HH:MM:SS' (local time);
--   * auditor-days and amounts are exact INTEGER hundredths (4.89 days = 489, 12.50 yuan = 1250);
--   * other decimals (distance_km, reduction_pct) are TEXT as normalised at import, with an
--     exact INTEGER companion where a rule compares them;
--   * enumerated values are the English values of INTERCHANGE.md, checked here.

CREATE TABLE body (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL,
  approval_no   TEXT NOT NULL,
  uscc          TEXT,
  address       TEXT,
  contact       TEXT
);

CREATE TABLE approved_scope (
  id            INTEGER PRIMARY KEY,
  scheme        TEXT NOT NULL,
  code          TEXT NOT NULL,
  granted_on    TEXT NOT NULL,
  withdrawn_on  TEXT,
  UNIQUE (scheme, code, granted_on)
);

CREATE TABLE personnel (
  id              INTEGER PRIMARY KEY,
  person_id       TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  name_key        BLOB,            -- collation key for pinyin order
  name_initials   TEXT,            -- pinyin initials for search
  employment      TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
  joined_on       TEXT,
  left_on         TEXT,
  registration_no TEXT
);
CREATE INDEX personnel_name_key ON personnel (name_key);

CREATE TABLE qualifications (
  id          INTEGER PRIMARY KEY,
  person      INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  scheme      TEXT NOT NULL,
  grade       TEXT NOT NULL CHECK (grade IN ('trainee', 'auditor', 'lead_auditor', 'technical_expert')),
  valid_from  TEXT NOT NULL,
  valid_to    TEXT,
  UNIQUE (person, scheme, grade, valid_from)
);

CREATE TABLE competences (
  id           INTEGER PRIMARY KEY,
  person       INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  scheme       TEXT NOT NULL,
  code         TEXT NOT NULL,
  approved_on  TEXT NOT NULL,
  UNIQUE (person, scheme, code)
);
CREATE INDEX competences_scheme_code ON competences (scheme, code);

CREATE TABLE organizations (
  id             INTEGER PRIMARY KEY,
  org_id         TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  name_key       BLOB,
  name_initials  TEXT,
  uscc           TEXT,
  province       TEXT,
  address        TEXT,
  employees      INTEGER CHECK (employees >= 0),
  sites          INTEGER CHECK (sites >= 0)
);
CREATE INDEX organizations_name_key ON organizations (name_key);

CREATE TABLE certificates (
  id           INTEGER PRIMARY KEY,
  cert_no      TEXT NOT NULL UNIQUE,
  org          INTEGER NOT NULL REFERENCES organizations (id),
  scheme       TEXT NOT NULL,
  scope_codes  TEXT NOT NULL,      -- ';'-separated, as normalised at import
  scope_text   TEXT,
  issued_on    TEXT NOT NULL,
  expires_on   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('valid', 'suspended', 'withdrawn', 'cancelled', 'expired')),
  status_on    TEXT,
  reported_on  TEXT,
  risk_score   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX certificates_org ON certificates (org);
CREATE INDEX certificates_issued_on ON certificates (issued_on);
CREATE INDEX certificates_status ON certificates (status);

-- One row per scope code of a certificate, kept in step with certificates.scope_codes.
CREATE TABLE certificate_scope_codes (
  cert  INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  code  TEXT NOT NULL,
  PRIMARY KEY (cert, code)
) WITHOUT ROWID;

CREATE TABLE certificate_events (
  id      INTEGER PRIMARY KEY,
  cert    INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  event   TEXT NOT NULL CHECK (event IN ('issue', 'renew', 'suspend', 'restore', 'withdraw', 'cancel', 'expand', 'reduce')),
  on_date TEXT NOT NULL,
  reason  TEXT,
  origin  TEXT NOT NULL DEFAULT 'import' CHECK (origin IN ('import', 'zicha')),
  UNIQUE (cert, event, on_date)
);

CREATE TABLE audits (
  id                   INTEGER PRIMARY KEY,
  audit_id             TEXT NOT NULL UNIQUE,
  org                  INTEGER NOT NULL REFERENCES organizations (id),
  cert                 INTEGER REFERENCES certificates (id),
  scheme               TEXT NOT NULL,
  type                 TEXT NOT NULL CHECK (type IN ('stage1', 'stage2', 'surveillance', 'recertification', 'special', 'short_notice', 'transfer')),
  start_on             TEXT NOT NULL,
  end_on               TEXT NOT NULL,
  effective_personnel  INTEGER CHECK (effective_personnel >= 0),
  complexity           TEXT CHECK (complexity IN ('high', 'medium', 'low', 'limited')),
  planned_days         INTEGER CHECK (planned_days >= 0),      -- hundredths
  onsite_days          INTEGER NOT NULL CHECK (onsite_days >= 0), -- hundredths
  reduction_pct        TEXT,
  report_on            TEXT,
  decision_on          TEXT,
  decision_by          INTEGER REFERENCES personnel (id),
  recorded_at          TEXT
);
CREATE INDEX audits_org ON audits (org, start_on);
-- (cert, type, start_on): the rules look for a certificate's audits of a type (its stage 1, stage 2,
-- surveillance, recertification audits) from the index alone.
CREATE INDEX audits_cert ON audits (cert, type, start_on);
CREATE INDEX audits_decision_by ON audits (decision_by);
CREATE INDEX audits_start_on ON audits (start_on);

CREATE TABLE audit_team (
  id           INTEGER PRIMARY KEY,
  audit        INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  person       INTEGER NOT NULL REFERENCES personnel (id),
  role         TEXT NOT NULL CHECK (role IN ('leader', 'auditor', 'expert', 'trainee', 'observer')),
  days         INTEGER CHECK (days >= 0),   -- hundredths
  onsite_from  TEXT,
  onsite_to    TEXT,
  UNIQUE (audit, person)
);
CREATE INDEX audit_team_person ON audit_team (person);

CREATE TABLE expenses (
  id          INTEGER PRIMARY KEY,
  expense_id  TEXT NOT NULL UNIQUE,
  audit       INTEGER NOT NULL REFERENCES audits (id),
  person      INTEGER NOT NULL REFERENCES personnel (id),
  category    TEXT NOT NULL CHECK (category IN ('travel', 'lodging', 'meals', 'other')),
  amount      INTEGER NOT NULL CHECK (amount >= 0),   -- fen (hundredths of a yuan)
  paid_by     TEXT NOT NULL CHECK (paid_by IN ('body', 'client')),
  spent_on    TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX expenses_audit ON expenses (audit);
CREATE INDEX expenses_person ON expenses (person);
-- Rules: category medians over expenses up to as of (covering), the expenses above a category's
-- threshold, client-paid expenses. (An index on (category, amount) alone would be a redundant
-- prefix of this one: one more index to fill on 13M expenses.)
CREATE INDEX expenses_category_amount_spent ON expenses (category, amount, spent_on);
CREATE INDEX expenses_client ON expenses (spent_on) WHERE paid_by = 'client';

CREATE TABLE penalties (
  id           INTEGER PRIMARY KEY,
  penalty_id   TEXT NOT NULL UNIQUE,
  decided_on   TEXT NOT NULL,
  authority    TEXT NOT NULL,
  decision_no  TEXT,
  summary      TEXT NOT NULL,
  amount       INTEGER CHECK (amount >= 0)   -- fen
);

CREATE TABLE watchlist (
  id           INTEGER PRIMARY KEY,
  org          INTEGER NOT NULL REFERENCES organizations (id),
  source       TEXT NOT NULL,
  notified_on  TEXT NOT NULL,
  note         TEXT,
  UNIQUE (org, source, notified_on)
);

CREATE TABLE checkins (
  id            INTEGER PRIMARY KEY,
  audit         INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
  person        INTEGER NOT NULL REFERENCES personnel (id),
  kind          TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  at            TEXT NOT NULL,
  distance_km   TEXT,       -- as normalised at import
  distance_um   INTEGER,    -- ceiling of distance_km in millionths of a km: exact "> N km"
  photos        INTEGER CHECK (photos >= 0),
  UNIQUE (audit, person, kind, at)
);
CREATE INDEX checkins_person ON checkins (person);
-- Rule CHECKIN_FAR: only the far check-ins.
CREATE INDEX checkins_distance ON checkins (distance_um) WHERE distance_um IS NOT NULL;

CREATE TABLE complaints (
  id            INTEGER PRIMARY KEY,
  complaint_id  TEXT NOT NULL UNIQUE,
  received_on   TEXT NOT NULL,
  org           INTEGER REFERENCES organizations (id),
  cert          INTEGER REFERENCES certificates (id),
  person        INTEGER REFERENCES personnel (id),
  summary       TEXT NOT NULL,
  closed_on     TEXT
);
CREATE INDEX complaints_org ON complaints (org);
CREATE INDEX complaints_cert ON complaints (cert);
CREATE INDEX complaints_person ON complaints (person);

-- What Zicha itself keeps -------------------------------------------------------------------

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT
) WITHOUT ROWID;

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  folder      TEXT NOT NULL,
  user_name   TEXT,
  inserted    INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  unchanged   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_files (
  import     INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  file       TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  rows       INTEGER NOT NULL DEFAULT 0,
  inserted   INTEGER NOT NULL DEFAULT 0,
  updated    INTEGER NOT NULL DEFAULT 0,
  unchanged  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (import, file)
);

CREATE TABLE rule_params (
  rule   TEXT NOT NULL,
  name   TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (rule, name)
) WITHOUT ROWID;

CREATE TABLE rule_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  as_of        TEXT NOT NULL,
  rules        TEXT NOT NULL,              -- ',' separated ids, or '*'
  params       TEXT,                       -- JSON object of the parameters used
  status       TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
  user_name    TEXT
);

CREATE TABLE rule_run_stats (
  run          INTEGER NOT NULL REFERENCES rule_runs (id) ON DELETE CASCADE,
  rule         TEXT NOT NULL,
  hits         INTEGER NOT NULL,
  duration_ms  INTEGER NOT NULL,
  PRIMARY KEY (run, rule)
);

-- 风险线索: a rule's hit, keyed by (rule, entity_key).
CREATE TABLE hits (
  id              INTEGER PRIMARY KEY,
  rule            TEXT NOT NULL,
  area            TEXT NOT NULL CHECK (area IN ('legal', 'conduct', 'practice', 'capability')),
  severity        TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  entity_type     TEXT NOT NULL,
  entity_key      TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed', 'resolved')),
  message         TEXT NOT NULL,
  details         TEXT,                    -- JSON: the numbers behind the message
  first_found_on  TEXT NOT NULL,
  last_found_on   TEXT NOT NULL,
  last_run        INTEGER REFERENCES rule_runs (id) ON DELETE SET NULL,
  triaged_by      TEXT,
  triaged_at      TEXT,
  dismiss_reason  TEXT,
  triage_prev_status TEXT,                 -- status before confirm/dismiss, for undo
  UNIQUE (rule, entity_key)
);
CREATE INDEX hits_status ON hits (status, area);
-- Counts per rule and status (risk leads page): a covering index scan, not the table.
CREATE INDEX hits_rule_status ON hits (rule, area, status);

-- Records a hit concerns (links into the Records pages).
CREATE TABLE hit_records (
  hit          INTEGER NOT NULL REFERENCES hits (id) ON DELETE CASCADE,
  record_type  TEXT NOT NULL,
  record_key   TEXT NOT NULL,
  PRIMARY KEY (hit, record_type, record_key)
) WITHOUT ROWID;

-- 自查方案
CREATE TABLE plans (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL,
  period_from      TEXT,
  period_to        TEXT,
  lead_department  TEXT,
  staff            TEXT,
  schemes          TEXT,                   -- ';'-separated scheme codes
  years            TEXT,                   -- ';'-separated years
  description      TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT
);

-- 自查事项
CREATE TABLE checklist_items (
  id         INTEGER PRIMARY KEY,
  plan       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  area       TEXT CHECK (area IN ('legal', 'conduct', 'practice', 'capability')),
  position   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  builtin    INTEGER NOT NULL DEFAULT 0,
  assignee   TEXT,
  due_on     TEXT,
  status     TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
  result     TEXT
);
CREATE INDEX checklist_items_plan ON checklist_items (plan, position);

-- 抽样
CREATE TABLE samples (
  id          INTEGER PRIMARY KEY,
  plan        INTEGER REFERENCES plans (id) ON DELETE CASCADE,
  purpose     TEXT NOT NULL CHECK (purpose IN ('file_review', 'field_visit')),
  method      TEXT NOT NULL CHECK (method IN ('random', 'risk')),
  seed        INTEGER,
  size        INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT
);

CREATE TABLE sample_items (
  sample    INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
  cert      INTEGER NOT NULL REFERENCES certificates (id),
  position  INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  PRIMARY KEY (sample, cert)
);

-- 问题
CREATE TABLE problems (
  id              INTEGER PRIMARY KEY,
  code            TEXT UNIQUE,
  area            TEXT NOT NULL CHECK (area IN ('legal', 'conduct', 'practice', 'capability')),
  severity        TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  title           TEXT NOT NULL,
  description     TEXT,
  cause_analysis  TEXT,
  source          TEXT NOT NULL CHECK (source IN ('hit', 'checklist', 'field_visit', 'complaint', 'other')),
  hit             INTEGER REFERENCES hits (id) ON DELETE SET NULL,
  checklist_item  INTEGER REFERENCES checklist_items (id) ON DELETE SET NULL,
  complaint       INTEGER REFERENCES complaints (id),
  created_at      TEXT NOT NULL,
  created_by      TEXT
);
CREATE INDEX problems_hit ON problems (hit);

CREATE TABLE problem_records (
  problem      INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  record_type  TEXT NOT NULL,
  record_key   TEXT NOT NULL,
  PRIMARY KEY (problem, record_type, record_key)
) WITHOUT ROWID;

-- 整改措施
CREATE TABLE measures (
  id                 INTEGER PRIMARY KEY,
  problem            INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  description        TEXT NOT NULL,
  department         TEXT,
  responsible        TEXT,
  deadline           TEXT,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'verified')),
  done_on            TEXT,
  verifier           TEXT,
  verified_on        TEXT,
  verification_note  TEXT,
  org                INTEGER REFERENCES organizations (id),   -- addressed to a certified organization
  org_deadline       TEXT,
  org_response       TEXT,
  follow_up          TEXT,
  created_at         TEXT NOT NULL,
  created_by         TEXT
);
CREATE INDEX measures_problem ON measures (problem);
CREATE INDEX measures_deadline ON measures (status, deadline);

-- 佐证材料
CREATE TABLE evidence (
  id         INTEGER PRIMARY KEY,
  measure    INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
  file_name  TEXT NOT NULL,
  mime_type  TEXT,
  size       INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  content    BLOB NOT NULL,
  added_at   TEXT NOT NULL,
  added_by   TEXT
);
CREATE INDEX evidence_measure ON evidence (measure);

-- Handling of problem certificates (暂停/恢复/撤销/注销/缩小范围).
CREATE TABLE certificate_actions (
  id          INTEGER PRIMARY KEY,
  problem     INTEGER REFERENCES problems (id) ON DELETE SET NULL,
  cert        INTEGER NOT NULL REFERENCES certificates (id),
  action      TEXT NOT NULL CHECK (action IN ('suspend', 'restore', 'withdraw', 'cancel', 'reduce')),
  on_date     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT
);
CREATE INDEX certificate_actions_cert ON certificate_actions (cert);

-- Editable texts of the report, by section.
CREATE TABLE report_texts (
  section     TEXT PRIMARY KEY,
  body        TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT
) WITHOUT ROWID;

-- 操作留痕: change history, each entry chained to the previous by hash.
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_name  TEXT,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  action     TEXT NOT NULL,
  details    TEXT,
  prev_hash  TEXT,
  hash       TEXT NOT NULL
);
