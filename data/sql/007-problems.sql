-- 007-problems.sql — the problem ledger (问题清单): numbers, cause analysis, 举一反三
-- SPDX-License-Identifier: GPL-3.0-or-later

-- One ledger of every problem found, whatever its source. Migration 001 made a draft of
-- `problems` that nothing wrote but the triage of a hit; it is made again (foreign keys are
-- off while migrations run: measures and certificate_actions, which name `problems`, refer to
-- the new table once it has the name).
--
-- * number: 自查问题编号 ZC-YYYY-NNN, gapless per year: year is the year of found_on, seq
--   counts from 1 within it. A new problem takes max (seq) + 1 of its year; only the
--   latest-numbered problem of a year may be deleted (its number is then taken again), any
--   other is withdrawn and keeps its number (core/problems/zicha-problems.c).
-- * source: where it was found: a confirmed risk lead (hit), a checklist item, a sample review,
--   a complaint, 举一反三 (extension, extended_from names the problem extended) or by hand.
-- * rule / clause: the rule id or the checklist clause behind it.
-- * sample_item: sample_items has no integer id yet (its key is (sample, cert)); the plans
--   module gives it one, and this column refers to it then — declared without REFERENCES
--   until that migration adds the clause.
-- * state: not stored; the view problem_states below derives it.
CREATE TABLE problems_new (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL CHECK (seq >= 1),
  number           TEXT GENERATED ALWAYS AS ('ZC-' || year || '-' || printf ('%03d', seq))
                   VIRTUAL,
  area             TEXT NOT NULL CHECK (area IN ('legal', 'conduct', 'practice', 'capability')),
  source           TEXT NOT NULL CHECK (source IN ('hit', 'checklist', 'sample', 'complaint',
                                                   'extension', 'manual')),
  severity         TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  title            TEXT NOT NULL,
  description      TEXT,
  rule             TEXT,
  clause           TEXT,
  checklist_item   INTEGER REFERENCES checklist_items (id) ON DELETE SET NULL,
  sample_item      INTEGER,
  complaint        INTEGER REFERENCES complaints (id) ON DELETE SET NULL,
  extended_from    INTEGER REFERENCES problems (id),
  found_by         TEXT,
  found_on         TEXT NOT NULL,
  department       TEXT,
  responsible      TEXT,
  cause_analysis   TEXT,                    -- the free text of 原因分析
  withdrawn_at     TEXT,                    -- 不成立: when, who and why
  withdrawn_by     TEXT,
  withdraw_reason  TEXT,
  closed_at        TEXT,                    -- 销号 (set by a later issue)
  closed_by        TEXT,
  closeout_note    TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT,
  CHECK (year = CAST (substr (found_on, 1, 4) AS INTEGER)),
  CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL)),
  UNIQUE (year, seq)
);

INSERT INTO problems_new (id, year, seq, area, source, severity, title, description,
                          checklist_item, complaint, found_by, found_on, cause_analysis,
                          created_at, created_by)
  SELECT id, CAST (substr (created_at, 1, 4) AS INTEGER),
         row_number () OVER (PARTITION BY substr (created_at, 1, 4) ORDER BY id),
         area,
         CASE source WHEN 'field_visit' THEN 'sample' WHEN 'other' THEN 'manual' ELSE source END,
         severity, title, description, checklist_item, complaint, created_by,
         substr (created_at, 1, 10), cause_analysis, created_at, created_by
    FROM problems;

-- The risk leads a problem gathers (a hit is in one problem at most); note: what the user
-- said when confirming it.
CREATE TABLE problem_hits (
  problem   INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  hit       INTEGER NOT NULL UNIQUE REFERENCES hits (id) ON DELETE CASCADE,
  note      TEXT,
  added_at  TEXT NOT NULL,
  added_by  TEXT,
  PRIMARY KEY (problem, hit)
);
INSERT INTO problem_hits (problem, hit, added_at, added_by)
  SELECT id, hit, created_at, created_by FROM problems WHERE hit IS NOT NULL;

DROP TABLE problems;
ALTER TABLE problems_new RENAME TO problems;
CREATE INDEX problems_rule ON problems (rule) WHERE rule IS NOT NULL;
CREATE INDEX problems_extended_from ON problems (extended_from) WHERE extended_from IS NOT NULL;
CREATE INDEX problems_checklist_item ON problems (checklist_item) WHERE checklist_item IS NOT NULL;
CREATE INDEX problems_complaint ON problems (complaint) WHERE complaint IS NOT NULL;

-- The records a problem concerns (kinds of zicha_record_kind_get_id (), keys as the rules
-- write them in hit_records); hit: the risk lead that brought the record, NULL when a user
-- added it.
ALTER TABLE problem_records ADD COLUMN hit INTEGER REFERENCES hits (id) ON DELETE SET NULL;
CREATE INDEX problem_records_record ON problem_records (record_type, record_key);

-- 原因分析: the categories chosen (keys of the setting cause-categories) and the 5-why chain,
-- why/because pairs in order (at most five).
CREATE TABLE problem_causes (
  problem   INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  category  TEXT NOT NULL,
  PRIMARY KEY (problem, category)
) WITHOUT ROWID;

CREATE TABLE problem_whys (
  problem   INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
  why       TEXT NOT NULL,
  because   TEXT NOT NULL,
  PRIMARY KEY (problem, position)
) WITHOUT ROWID;

-- 举一反三: each search for records that share a key with a problem, what it found (JSON) and
-- what came of it: linked problems raised, or 已排查，无同类问题.
CREATE TABLE problem_extensions (
  id          INTEGER PRIMARY KEY,
  problem     INTEGER NOT NULL REFERENCES problems (id),
  key_kind    TEXT NOT NULL
              CHECK (key_kind IN ('rule', 'auditor', 'organization', 'scope_code', 'leader_year')),
  key_value   TEXT NOT NULL,
  result      TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('raised', 'none_found')),
  created_at  TEXT NOT NULL,
  created_by  TEXT
);
CREATE INDEX problem_extensions_problem ON problem_extensions (problem);

-- A problem's state, written once (DOMAIN.md section 5): withdrawn when a user withdrew it;
-- otherwise from its measures: open when it has none or all are open; awaiting_closeout when
-- all are verified, closed when it is also closed out (a measure added or reopened after the
-- close-out makes it in_rectification or open again, whatever closed_at says); in_rectification
-- otherwise (a measure in progress or done, or some but not all verified).
CREATE VIEW problem_states (problem, state) AS
  SELECT p.id,
         CASE
           WHEN p.withdrawn_at IS NOT NULL THEN 'withdrawn'
           WHEN NOT EXISTS (SELECT 1 FROM measures AS m
                             WHERE m.problem = p.id AND m.status <> 'open') THEN 'open'
           WHEN NOT EXISTS (SELECT 1 FROM measures AS m
                             WHERE m.problem = p.id AND m.status <> 'verified')
             THEN CASE WHEN p.closed_at IS NOT NULL THEN 'closed' ELSE 'awaiting_closeout' END
           ELSE 'in_rectification'
         END
    FROM problems AS p;
