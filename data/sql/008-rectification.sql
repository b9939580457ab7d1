-- 008-rectification.sql — rectification (整改): measures, evidence, handling of problem certificates
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Migration 001 made drafts of measures, evidence and certificate_actions that nothing wrote:
-- they are made again (foreign keys are off while migrations run). Every table is dropped
-- first, so that the migration can run again on its own result. Conventions of 006: dates
-- TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DD HH:MM:SS' (local time), enumerated values
-- the nicks of core's enumerations; a person is one of the body (personnel, by id) or a free
-- name, and the name is always stored. core/rectification/ is the one writer of these tables.
DROP VIEW IF EXISTS problem_states;
DROP TABLE IF EXISTS certificate_actions;
DROP TABLE IF EXISTS evidence;
DROP TABLE IF EXISTS measure_problems;
DROP TABLE IF EXISTS measures;

-- 整改措施: kind 纠正 (correction of the case), 纠正措施 (corrective action on the cause) or
-- 举一反三 (extension to similar records). Status open → in_progress → done → verified, and
-- done → in_progress when a verification finds it not effective (return_reason says why);
-- core checks the transitions. The verification (verifier, verified_on, conclusion, note) is
-- the last one made. A measure may be addressed to a certified organization (责令整改): the
-- organization, the notice (整改通知书: number and date), the demand and its deadline, the
-- organization's response (text, date, evidence received) and the body's follow-up (e.g. a
-- special audit) with its conclusion; a follow-up found not effective reopens it with
-- follow-up questions. A deleted measure keeps its row (deleted_at) so that the deletion can
-- be undone; the problem states and every list leave it out.
CREATE TABLE measures (
  id                    INTEGER PRIMARY KEY,
  kind                  TEXT NOT NULL CHECK (kind IN ('correction', 'corrective', 'extension')),
  text                  TEXT NOT NULL CHECK (text <> ''),
  department            TEXT,                  -- 责任部门
  responsible_person    INTEGER REFERENCES personnel (id) ON DELETE SET NULL,
  responsible           TEXT,                  -- 责任人: the person's name, or a free name
  deadline              TEXT,                  -- 整改期限
  status                TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'in_progress', 'done', 'verified')),
  done_on               TEXT,                  -- 完成日期
  done_note             TEXT,                  -- 完成情况
  verifier_person       INTEGER REFERENCES personnel (id) ON DELETE SET NULL,
  verifier              TEXT,                  -- 验证人
  verified_on           TEXT,
  conclusion            TEXT CHECK (conclusion IN ('effective', 'not_effective')),
  verification_note     TEXT,
  return_reason         TEXT,                  -- why a verification sent it back
  org                   INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
  notice_no             TEXT,                  -- 整改通知书 number
  notice_on             TEXT,
  org_demand            TEXT,
  org_deadline          TEXT,
  org_response          TEXT,
  org_response_on       TEXT,
  org_evidence          TEXT,                  -- what evidence the organization sent
  follow_up             TEXT,                  -- the body's follow-up, e.g. a special audit
  follow_up_on          TEXT,
  follow_up_conclusion  TEXT CHECK (follow_up_conclusion IN ('effective', 'not_effective')),
  follow_up_questions   TEXT,
  created_at            TEXT NOT NULL,
  created_by            TEXT NOT NULL,
  deleted_at            TEXT,
  deleted_by            TEXT,
  CHECK (status <> 'verified' OR conclusion = 'effective')
);
CREATE INDEX measures_deadline ON measures (deadline) WHERE deleted_at IS NULL;
CREATE INDEX measures_responsible_person ON measures (responsible_person);
CREATE INDEX measures_org ON measures (org) WHERE org IS NOT NULL;

-- The problems a measure serves (one measure may serve several problems).
CREATE TABLE measure_problems (
  measure    INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
  problem    INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  linked_at  TEXT NOT NULL,
  linked_by  TEXT NOT NULL,
  PRIMARY KEY (measure, problem)
) WITHOUT ROWID;
CREATE INDEX measure_problems_problem ON measure_problems (problem, measure);

-- 佐证材料: a file attached to a measure or to a problem (exactly one of them); from_org 1 for
-- evidence an organization sent with its response. sha256 is the hex SHA-256 of content,
-- checked on every read. Removed softly (removed_at) so that the removal can be undone.
-- content is the last column: reading the others never walks its overflow pages.
CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  measure     INTEGER REFERENCES measures (id) ON DELETE CASCADE,
  problem     INTEGER REFERENCES problems (id) ON DELETE CASCADE,
  from_org    INTEGER NOT NULL DEFAULT 0 CHECK (from_org IN (0, 1)),
  file_name   TEXT NOT NULL CHECK (file_name <> ''),
  mime_type   TEXT NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  sha256      TEXT NOT NULL CHECK (length (sha256) = 64),
  note        TEXT,
  added_at    TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  removed_at  TEXT,
  removed_by  TEXT,
  content     BLOB NOT NULL,
  CHECK ((measure IS NULL) <> (problem IS NULL))
);
CREATE INDEX evidence_measure ON evidence (measure) WHERE measure IS NOT NULL;
CREATE INDEX evidence_problem ON evidence (problem) WHERE problem IS NOT NULL;

-- Handling of a problem certificate (暂停 / 恢复 / 撤销 / 注销 / 缩小范围): the certificate's
-- status (and status_on, scope) before and after, and the certificate_events row (origin
-- 'zicha') it wrote, so that the last action of a certificate can be undone exactly.
CREATE TABLE certificate_actions (
  id                  INTEGER PRIMARY KEY,
  cert                INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  action              TEXT NOT NULL
                      CHECK (action IN ('suspend', 'restore', 'withdraw', 'cancel', 'reduce')),
  on_date             TEXT NOT NULL,
  reason              TEXT NOT NULL CHECK (reason <> ''),
  problem             INTEGER REFERENCES problems (id) ON DELETE SET NULL,
  measure             INTEGER REFERENCES measures (id) ON DELETE SET NULL,
  status_before       TEXT NOT NULL,
  status_on_before    TEXT,
  status_after        TEXT NOT NULL,
  scope_codes_before  TEXT,
  scope_codes_after   TEXT,
  scope_text_before   TEXT,
  scope_text_after    TEXT,
  event               INTEGER REFERENCES certificate_events (id) ON DELETE SET NULL,
  created_at          TEXT NOT NULL,
  created_by          TEXT NOT NULL
);
CREATE INDEX certificate_actions_cert ON certificate_actions (cert, id);
CREATE INDEX certificate_actions_problem ON certificate_actions (problem) WHERE problem IS NOT NULL;
CREATE INDEX certificate_actions_measure ON certificate_actions (measure) WHERE measure IS NOT NULL;

-- A problem's state, written once (DOMAIN.md section 5), over the measures it is linked to
-- that are not deleted: withdrawn when a user withdrew it; otherwise open when it has none or
-- all are open; awaiting_closeout when all are verified, closed when it is also closed out;
-- in_rectification otherwise (a measure in progress or done, or some but not all verified).
-- core/rectification/ clears a close-out that no longer holds (a measure added or reopened).
CREATE VIEW problem_states (problem, state) AS
  SELECT p.id,
         CASE
           WHEN p.withdrawn_at IS NOT NULL THEN 'withdrawn'
           WHEN NOT EXISTS (SELECT 1 FROM measure_problems AS mp
                              JOIN measures AS m ON m.id = mp.measure
                             WHERE mp.problem = p.id AND m.deleted_at IS NULL
                               AND m.status <> 'open') THEN 'open'
           WHEN NOT EXISTS (SELECT 1 FROM measure_problems AS mp
                              JOIN measures AS m ON m.id = mp.measure
                             WHERE mp.problem = p.id AND m.deleted_at IS NULL
                               AND m.status <> 'verified')
             THEN CASE WHEN p.closed_at IS NOT NULL THEN 'closed' ELSE 'awaiting_closeout' END
           ELSE 'in_rectification'
         END
    FROM problems AS p;
