-- SPDX-License-Identifier: GPL-3.0-or-later
-- A saved day plan that a team lead reopens and changes is saved again as a new version: the
-- earlier one stays as it was (the sheets printed from it are explained by it) and the new one
-- names it here. The plans a lead lists are those no later version replaces.
ALTER TABLE route_plans ADD COLUMN supersedes TEXT;
CREATE INDEX route_plans_supersedes ON route_plans(supersedes);
