-- dieu-le/attendance-rate: a regular/combined cell meeting (held on or after 2018-07-06 and
-- on or after --from) where present ÷ eligible is not above 85% (whole-number arithmetic).
SELECT 'alert' AS kind, 'dieu-le/attendance-rate' AS rule_id, 'meeting' AS subject_type, meeting_id AS subject_id, month AS period
FROM eligible_attendance
WHERE local_date >= '2018-07-06' AND held_ms >= getvariable('from_ms')
GROUP BY meeting_id, month
HAVING count(*) > 0 AND NOT (100 * count(*) FILTER (WHERE status = 'present') > 85 * count(*))
