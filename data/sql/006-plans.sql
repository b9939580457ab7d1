-- 006-plans.sql — self-inspection plans (自查方案), their checklists (自查事项) and samples (抽样)
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Migration 001 made drafts of plans, checklist_items, samples and sample_items that nothing
-- wrote: they are made again (foreign keys are off while migrations run; problems of 001
-- refers to checklist_items (id), which stays an INTEGER PRIMARY KEY, as does sample_items
-- (id), which the problems module refers to as well).
--
-- Conventions of 001: dates TEXT 'YYYY-MM-DD', timestamps TEXT 'YYYY-MM-DD HH:MM:SS' (local
-- time); enumerated values are the nicks of core's enumerations, checked here. Lists of a
-- plan (staff, milestones, checklist items) keep a position 0, 1, … n-1 within their plan,
-- which core (plans/) keeps dense; no UNIQUE on it, so that a move shifts rows in one UPDATE.
-- A person may be one of the body (personnel, by id) or a free name: the name is always
-- stored (the person's name when chosen), so it stays readable whatever later imports do.
-- Every table is dropped first, so that the migration can run again on its own result.
DROP TABLE IF EXISTS sample_items;
DROP TABLE IF EXISTS sample_strata;
DROP TABLE IF EXISTS samples;
DROP TABLE IF EXISTS checklist_items;
DROP TABLE IF EXISTS plan_milestones;
DROP TABLE IF EXISTS plan_staff;
DROP TABLE IF EXISTS plans;

CREATE TABLE plans (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL CHECK (title <> ''),
  period_from      TEXT,
  period_to        TEXT,
  schemes          TEXT,                   -- ';'-separated scheme codes, NULL for none
  years            TEXT,                   -- ';'-separated years, NULL for none
  lead_department  TEXT,                   -- 牵头部门
  leader           TEXT,                   -- 负责领导
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'in_progress', 'done')),
  description      TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL
);

-- 工作人员
CREATE TABLE plan_staff (
  id        INTEGER PRIMARY KEY,
  plan      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  person    INTEGER REFERENCES personnel (id) ON DELETE SET NULL,
  name      TEXT NOT NULL CHECK (name <> ''),
  duty      TEXT                           -- what they do in the self-inspection
);
CREATE INDEX plan_staff_plan ON plan_staff (plan, position);
CREATE INDEX plan_staff_person ON plan_staff (person);

-- Milestones of the plan's timetable.
CREATE TABLE plan_milestones (
  id        INTEGER PRIMARY KEY,
  plan      INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  title     TEXT NOT NULL CHECK (title <> ''),
  due_on    TEXT,
  done_on   TEXT
);
CREATE INDEX plan_milestones_plan ON plan_milestones (plan, position);

-- 自查事项: the built-in ones carry the key of their template point ('legal-1' …) and the text
-- in the language the plan was created in; users' own items have no template_key.
CREATE TABLE checklist_items (
  id               INTEGER PRIMARY KEY,
  plan             INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  area             TEXT NOT NULL CHECK (area IN ('legal', 'conduct', 'practice', 'capability')),
  text             TEXT NOT NULL CHECK (text <> ''),
  template_key     TEXT,
  assignee_person  INTEGER REFERENCES personnel (id) ON DELETE SET NULL,
  assignee         TEXT,
  due_on           TEXT,
  status           TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
  conclusion       TEXT CHECK (conclusion IN ('conforming', 'nonconforming', 'not_applicable')),
  notes            TEXT
);
CREATE INDEX checklist_items_plan ON checklist_items (plan, position);
CREATE INDEX checklist_items_assignee ON checklist_items (assignee_person);

-- 抽样: how the sample was drawn, enough to draw it again (same seed, frame and data give the
-- same certificates). The frame: certificates of status 'valid' with issued_on <= valid_on <=
-- expires_on, limited to schemes, lead auditors (person_id of personnel) and years of issue
-- when those are not NULL (';'-separated).
CREATE TABLE samples (
  id                   INTEGER PRIMARY KEY,
  plan                 INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  purpose              TEXT NOT NULL CHECK (purpose IN ('file_review', 'field_visit')),
  method               TEXT NOT NULL CHECK (method IN ('random', 'weighted')),
  seed                 INTEGER NOT NULL CHECK (seed >= 0),
  valid_on             TEXT NOT NULL,
  frame_schemes        TEXT,
  frame_lead_auditors  TEXT,
  frame_years          TEXT,
  stratify             TEXT NOT NULL DEFAULT 'none'
                       CHECK (stratify IN ('none', 'scheme', 'lead_auditor')),
  key_items            INTEGER NOT NULL DEFAULT 0 CHECK (key_items IN (0, 1)),
  frame_size           INTEGER NOT NULL CHECK (frame_size >= 0),
  requested_size       INTEGER NOT NULL CHECK (requested_size >= 0),
  drawn_size           INTEGER NOT NULL CHECK (drawn_size >= 0),
  created_at           TEXT NOT NULL,
  created_by           TEXT NOT NULL
);
CREATE INDEX samples_plan ON samples (plan);

-- One row per stratum: its key (a scheme code or a lead auditor's person_id; '' for the
-- certificates without a lead auditor; NULL for the whole frame when not stratified).
CREATE TABLE sample_strata (
  id              INTEGER PRIMARY KEY,
  sample          INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  stratum         TEXT,
  frame_size      INTEGER NOT NULL CHECK (frame_size >= 0),
  requested_size  INTEGER NOT NULL CHECK (requested_size >= 0),
  key_items       INTEGER NOT NULL CHECK (key_items >= 0),
  drawn_size      INTEGER NOT NULL CHECK (drawn_size >= 0)
);
CREATE INDEX sample_strata_sample ON sample_strata (sample, position);

-- A drawn certificate: why (reason, with the risk score and number of hits when it was
-- drawn), its stratum, who reviews it and the review.
CREATE TABLE sample_items (
  id               INTEGER PRIMARY KEY,
  sample           INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
  cert             INTEGER NOT NULL REFERENCES certificates (id),
  position         INTEGER NOT NULL,
  stratum          TEXT,
  reason           TEXT NOT NULL CHECK (reason IN ('key_item', 'weighted', 'random')),
  risk_score       INTEGER NOT NULL DEFAULT 0,
  hits             INTEGER NOT NULL DEFAULT 0,
  assignee_person  INTEGER REFERENCES personnel (id) ON DELETE SET NULL,
  assignee         TEXT,
  checked_on       TEXT,
  conclusion       TEXT CHECK (conclusion IN ('conforming', 'nonconforming')),
  notes            TEXT,
  UNIQUE (sample, cert)
);
CREATE INDEX sample_items_sample ON sample_items (sample, position);
CREATE INDEX sample_items_cert ON sample_items (cert);
CREATE INDEX sample_items_assignee ON sample_items (assignee_person);
