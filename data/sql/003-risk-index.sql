-- 003-risk-index.sql — the certificates that have a risk score
-- SPDX-License-Identifier: GPL-3.0-or-later

-- After a rule run only the certificates with a score (a few per cent) change: the scores of
-- the others are found here instead of by reading every certificate (a second of a run on a
-- body of 1,000,000 certificates goes otherwise into two such reads). Risk-based sampling reads
-- the highest scores from it too.
CREATE INDEX IF NOT EXISTS certificates_risk ON certificates (risk_score) WHERE risk_score <> 0;
