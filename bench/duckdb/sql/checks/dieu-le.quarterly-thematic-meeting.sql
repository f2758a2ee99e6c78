-- dieu-le/quarterly-thematic-meeting: a cell active on the quarter's first day held no
-- thematic or combined meeting in that closed quarter.
SELECT 'violation' AS kind, 'dieu-le/quarterly-thematic-meeting' AS rule_id, 'cell' AS subject_type, u.id AS subject_id, p.period
FROM units u
JOIN closed_periods p ON p.granularity = 'quarter' AND p.first_day >= '2018-07-06'
WHERE u.kind = 'cell'
  AND covers(u.active_from, u.active_to, p.first_day)
  AND NOT EXISTS (
    SELECT 1 FROM meetings m
    WHERE m.unit_id = u.id AND m.quarter = p.period AND m.kind IN ('thematic', 'combined'))
