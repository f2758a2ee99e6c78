-- dieu-le/member-unexcused-absence: a member marked absent, while eligible, at regular/combined
-- meetings of their own cell in 3 distinct months of a year. The alert is reached by the earliest
-- meeting of the third month (months ordered by their earliest such meeting); that one must be
-- held on or after --from.
WITH months AS (
  SELECT member_id, year, month, min(held_ms) AS first_ms
  FROM eligible_attendance
  WHERE status = 'absent' AND local_date >= '2011-01-19'
  GROUP BY member_id, year, month
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY member_id, year ORDER BY first_ms) AS nth FROM months
)
SELECT 'alert' AS kind, 'dieu-le/member-unexcused-absence' AS rule_id, 'member' AS subject_type, member_id AS subject_id, year AS period
FROM ranked
WHERE nth = 3 AND first_ms >= getvariable('from_ms')
