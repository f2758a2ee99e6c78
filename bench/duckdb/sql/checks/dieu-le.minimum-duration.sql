-- dieu-le/minimum-duration: a meeting (any unit; held on or after 2025-10-28 and --from) with an
-- end time that lasted less than 90 minutes (regular, thematic) or 120 (combined).
SELECT 'alert' AS kind, 'dieu-le/minimum-duration' AS rule_id, 'meeting' AS subject_type, meeting_id AS subject_id, month AS period
FROM meetings
WHERE ended_ms IS NOT NULL
  AND local_date >= '2025-10-28' AND held_ms >= getvariable('from_ms')
  AND ended_ms - held_ms < 60000 * CASE kind WHEN 'combined' THEN 120 WHEN 'regular' THEN 90 WHEN 'thematic' THEN 90 END
