-- yb-qd18/district-quarterly: as provincial-commune-quarterly, for standing_committee or
-- executive_committee at a district unit with any assignment, in quarters that end on or before
-- 2025-06-30 (the rule's validTo: the 2025 reform abolished the district level).
WITH bound AS (
  SELECT DISTINCT pos.leader_id, p.period
  FROM closed_periods p
  JOIN positions pos ON pos.role IN ('standing_committee', 'executive_committee') AND pos.unit_kind = 'district'
                    AND covers(pos.from_date, pos.to_date, p.first_day)
  WHERE p.granularity = 'quarter' AND p.first_day >= '2019-04-16' AND p.last_day <= '2025-06-30'
    AND EXISTS (SELECT 1 FROM assignments a WHERE a.leader_id = pos.leader_id AND covers(a.from_date, a.to_date, p.first_day))
), counted AS (
  SELECT leader_id, quarter AS period,
         count(DISTINCT meeting_id) FILTER (WHERE kind = 'committee' AND unit_kind = 'grassroots' AND grassroots_type = 'commune') AS committee,
         count(DISTINCT meeting_id) FILTER (WHERE unit_kind = 'cell' AND cell_type = 'residential') AS residential,
         count(DISTINCT meeting_id) FILTER (WHERE (kind = 'committee' AND unit_kind = 'grassroots' AND grassroots_type = 'commune')
                                              OR (unit_kind = 'cell' AND cell_type = 'residential')) AS total
  FROM visits
  GROUP BY ALL
)
SELECT 'violation' AS kind, 'yb-qd18/district-quarterly' AS rule_id, 'leader' AS subject_type, b.leader_id AS subject_id, b.period
FROM bound b LEFT JOIN counted c USING (leader_id, period)
WHERE NOT (coalesce(c.committee, 0) >= 1 AND coalesce(c.residential, 0) >= 1 AND coalesce(c.total, 0) >= 2)
