-- yb-qd18/provincial-commune-quarterly: a leader holding executive_committee or agency_head at a
-- province unit, with an assignment to a unit tagged especially_difficult (both on the quarter's
-- first day), did not visit, within such an assignment, a commune committee meeting and a
-- residential-cell meeting that are two distinct meetings. With one meeting owed per
-- requirement, the engine's distinct allocation meets both exactly when each requirement has a
-- meeting and there are two meetings in all.
WITH bound AS (
  SELECT DISTINCT pos.leader_id, p.period
  FROM closed_periods p
  JOIN positions pos ON pos.role IN ('executive_committee', 'agency_head') AND pos.unit_kind = 'province'
                    AND covers(pos.from_date, pos.to_date, p.first_day)
  WHERE p.granularity = 'quarter' AND p.first_day >= '2019-04-16'
    AND EXISTS (SELECT 1 FROM assignments a WHERE a.leader_id = pos.leader_id AND covers(a.from_date, a.to_date, p.first_day)
                                               AND list_contains(a.tags, 'especially_difficult'))
), counted AS (
  SELECT leader_id, quarter AS period,
         count(DISTINCT meeting_id) FILTER (WHERE kind = 'committee' AND unit_kind = 'grassroots' AND grassroots_type = 'commune') AS committee,
         count(DISTINCT meeting_id) FILTER (WHERE unit_kind = 'cell' AND cell_type = 'residential') AS residential,
         count(DISTINCT meeting_id) FILTER (WHERE (kind = 'committee' AND unit_kind = 'grassroots' AND grassroots_type = 'commune')
                                              OR (unit_kind = 'cell' AND cell_type = 'residential')) AS total
  FROM visits
  WHERE list_contains(assignment_tags, 'especially_difficult')
  GROUP BY ALL
)
SELECT 'violation' AS kind, 'yb-qd18/provincial-commune-quarterly' AS rule_id, 'leader' AS subject_type, b.leader_id AS subject_id, b.period
FROM bound b LEFT JOIN counted c USING (leader_id, period)
WHERE NOT (coalesce(c.committee, 0) >= 1 AND coalesce(c.residential, 0) >= 1 AND coalesce(c.total, 0) >= 2)
