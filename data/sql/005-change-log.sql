-- 005-change-log.sql — the change history (操作留痕): who changed what, when, old and new
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Every change a user makes to plans, checklists, samples, problems, triage (and later
-- measures, evidence, certificate handling, report texts) is appended here, inside the
-- transaction of the change itself, through one function (store/zicha-change-log.c).
-- old_values and new_values are JSON objects of the row before and after (NULL for a row
-- created or deleted). prev_hash and hash are left for the hash chain a later version adds.
-- Migration 001 made a first draft of the table that nothing wrote: it is made again.
DROP TABLE IF EXISTS change_log;
CREATE TABLE change_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,             -- local time, YYYY-MM-DD HH:MM:SS
  user_name   TEXT NOT NULL,
  entity      TEXT NOT NULL,             -- 'plan', 'checklist_item', 'sample', 'problem', 'hit', …
  entity_key  TEXT NOT NULL,             -- the row's id (or key)
  action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  old_values  TEXT,
  new_values  TEXT,
  prev_hash   TEXT,
  hash        TEXT
);
CREATE INDEX change_log_entity ON change_log (entity, entity_key);
