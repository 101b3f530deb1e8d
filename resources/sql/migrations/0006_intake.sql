-- SPDX-License-Identifier: GPL-3.0-or-later
-- Intake matching looks for households near a report (a band of latitude, then longitude) and
-- for people by name; unmatched 발굴 entries are looked up by round.
CREATE INDEX households_lat ON households(lat);
CREATE INDEX persons_name ON persons(name);
