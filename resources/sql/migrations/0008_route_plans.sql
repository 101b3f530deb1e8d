-- SPDX-License-Identifier: GPL-3.0-or-later
-- Saved day plans of visit routes: which teams visit which households in which order, with the
-- times planned. The plan holds household ids only; names and addresses stay in households.
CREATE TABLE route_plans (
    id          TEXT PRIMARY KEY,
    office_code TEXT NOT NULL,
    plan_date   TEXT NOT NULL,
    teams       INTEGER NOT NULL,
    plan_json   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX route_plans_date ON route_plans(office_code, plan_date);
