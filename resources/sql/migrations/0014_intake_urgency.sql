-- SPDX-License-Identifier: GPL-3.0-or-later
-- Urgency decides the intake queue's order: each report and 발굴 round entry carries how soon it
-- must be answered (urgent: the same day, priority, normal) and the last day to. The rules live in
-- one place in the program (Intake::UrgencyRules), so the items already in the store are
-- classified by the program after this migration (urgency_pending), not here.
ALTER TABLE crisis_reports ADD COLUMN urgency TEXT
    CHECK (urgency IS NULL OR urgency = 'urgent' OR urgency = 'priority' OR urgency = 'normal');
ALTER TABLE crisis_reports ADD COLUMN response_due TEXT;
ALTER TABLE crisis_signals ADD COLUMN urgency TEXT
    CHECK (urgency IS NULL OR urgency = 'urgent' OR urgency = 'priority' OR urgency = 'normal');
ALTER TABLE crisis_signals ADD COLUMN response_due TEXT;
INSERT OR REPLACE INTO store_meta (key, value) VALUES ('urgency_pending', '1');
