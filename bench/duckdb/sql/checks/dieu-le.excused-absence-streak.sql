-- dieu-le/excused-absence-streak: over the regular/combined meetings of a member's cell in a year,
-- in time order, skipping those where the member is not eligible, more than 3 consecutive
-- `excused` (anything else, or no status, ends a streak). The alert is reached by the 4th meeting
-- of the first such streak, which must be held on or after --from.
WITH ordered AS (
  SELECT member_id, year, meeting_id, held_ms, coalesce(status = 'excused', false) AS excused,
         -- a streak is the run of excused rows after the last non-excused one
         count(*) FILTER (WHERE coalesce(status <> 'excused', true))
           OVER (PARTITION BY member_id, year ORDER BY held_ms, meeting_id ROWS UNBOUNDED PRECEDING) AS run
  FROM eligible_attendance
  WHERE local_date >= '2018-07-06'
    -- only members excused more than 3 times in the year can have such a streak
    AND (member_id, year) IN (SELECT (member_id, year) FROM eligible_attendance
                              WHERE status = 'excused' AND local_date >= '2018-07-06'
                              GROUP BY member_id, year HAVING count(*) > 3)
), counted AS (
  SELECT *, count(*) FILTER (WHERE excused)
              OVER (PARTITION BY member_id, year, run ORDER BY held_ms, meeting_id ROWS UNBOUNDED PRECEDING) AS streak
  FROM ordered
)
SELECT 'alert' AS kind, 'dieu-le/excused-absence-streak' AS rule_id, 'member' AS subject_type, member_id AS subject_id, year AS period
FROM counted
WHERE excused AND streak = 3 + 1
GROUP BY member_id, year
HAVING min(held_ms) >= getvariable('from_ms')
