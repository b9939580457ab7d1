-- 004-run-owners.sql — who runs a rule run, on which data, and runs that were killed
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A run killed part way (power cut, kill -9) stayed 'running' for ever. Each run now records
-- the process that runs it (owner: host, boot id, process id and its start time), so that the
-- next run, or the next opening of the database, can mark a run whose process is gone as
-- 'abandoned'. records_generation is the generation of the records (settings key
-- 'records-generation', absent for 0, raised by every import) that the run read: its hits are stored only
-- when no import changed the records meanwhile.
--
-- SQLite cannot change a CHECK constraint in place: the table is made again, with foreign keys
-- off while migrations run (rule_run_stats and hits refer to it).
CREATE TABLE rule_runs_new (
  id                  INTEGER PRIMARY KEY,
  started_at          TEXT NOT NULL,
  finished_at         TEXT,
  as_of               TEXT NOT NULL,
  rules               TEXT NOT NULL,              -- ',' separated ids, or '*'
  params              TEXT,                       -- JSON object of the parameters used
  status              TEXT NOT NULL DEFAULT 'running'
                      CHECK (status IN ('running', 'finished', 'cancelled', 'failed', 'abandoned')),
  user_name           TEXT,
  owner               TEXT,
  records_generation  INTEGER
);

INSERT INTO rule_runs_new (id, started_at, finished_at, as_of, rules, params, status, user_name)
  SELECT id, started_at, finished_at, as_of, rules, params, status, user_name FROM rule_runs;
DROP TABLE rule_runs;
ALTER TABLE rule_runs_new RENAME TO rule_runs;

-- Runs left 'running' by an older version cannot have a live owner any more.
UPDATE rule_runs SET status = 'abandoned' WHERE status = 'running';
