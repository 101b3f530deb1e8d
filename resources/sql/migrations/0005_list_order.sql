-- SPDX-License-Identifier: GPL-3.0-or-later
-- The household list's default order (highest risk first, then score) as a covering index on the
-- effective tier (the caseworker's override, else the computed tier), so listing a district of
-- 100,000 households, everything overdue, or a broad search needs neither a sort nor a table read
-- per row. Queries must spell the tier expression exactly as here to use it (HouseholdStore does).
CREATE INDEX households_list_order ON households(
    (CASE COALESCE(risk_override, risk_tier) WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END),
    risk_score DESC, office_code, next_visit_due, status, flagged_new_at);

-- The list index serves office, due-date and worker filters by walking it; the narrower indexes
-- it replaces only cost time on every write.
DROP INDEX households_office_tier;
DROP INDEX households_due;
DROP INDEX households_worker;
CREATE INDEX households_office ON households(office_code);
