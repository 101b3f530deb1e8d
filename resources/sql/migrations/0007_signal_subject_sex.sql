-- SPDX-License-Identifier: GPL-3.0-or-later
-- A 발굴 round lists a person with their 주민등록번호, which gives the sex; it is kept in the
-- clear beside the name and birth date so that matching never needs to decrypt the number.
ALTER TABLE crisis_signals ADD COLUMN subject_sex TEXT CHECK (subject_sex IS NULL OR subject_sex = 'M' OR subject_sex = 'F');
