-- dieu-le/monthly-regular-meeting: a cell active on the month's first day held no
-- regular or combined meeting in that closed month.
SELECT 'violation' AS kind, 'dieu-le/monthly-regular-meeting' AS rule_id, 'cell' AS subject_type, u.id AS subject_id, p.period
FROM units u
JOIN closed_periods p ON p.granularity = 'month' AND p.first_day >= '2011-01-19'
WHERE u.kind = 'cell'
  AND covers(u.active_from, u.active_to, p.first_day)
  AND NOT EXISTS (
    SELECT 1 FROM meetings m
    WHERE m.unit_id = u.id AND m.month = p.period AND m.kind IN ('regular', 'combined'))
