-- 002-lean-indexes.sql — fewer indexes to fill on a big import
-- SPDX-License-Identifier: GPL-3.0-or-later

-- No index of expenses or check-ins by person: no rule or page looks them up by person, and on
-- a body of 1,000,000 certificates (13M expenses, 14M check-ins) they cost an import 11 s.
DROP INDEX IF EXISTS expenses_person;
DROP INDEX IF EXISTS checkins_person;

-- Rule CHECKIN_FAR: only the check-ins farther than its default limit of 5 km, a few in a
-- body, instead of every check-in's distance (7 s of a 1M import). With a nearer limit the
-- rule reads all check-ins.
DROP INDEX IF EXISTS checkins_distance;
CREATE INDEX IF NOT EXISTS checkins_far ON checkins (distance_um) WHERE distance_um > 5000000;
