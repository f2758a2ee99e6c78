-- yb-qd18/commune-monthly: a leader holding standing_committee or executive_committee at a
-- commune grassroots unit and some assignment, both on the month's first day, made no visit in
-- the month to a meeting (of any kind) of a residential cell within an assignment active on the
-- meeting date, the leader's own cell (as a member) excepted.
WITH bound AS (
  SELECT DISTINCT pos.leader_id, p.period
  FROM closed_periods p
  JOIN positions pos ON pos.role IN ('standing_committee', 'executive_committee')
                    AND pos.unit_kind = 'grassroots' AND pos.grassroots_type = 'commune'
                    AND covers(pos.from_date, pos.to_date, p.first_day)
  WHERE p.granularity = 'month' AND p.first_day >= '2019-04-16'
    AND EXISTS (SELECT 1 FROM assignments a WHERE a.leader_id = pos.leader_id AND covers(a.from_date, a.to_date, p.first_day))
), counted AS (
  SELECT leader_id, month AS period
  FROM visits
  WHERE unit_kind = 'cell' AND cell_type = 'residential' AND NOT own_cell
  GROUP BY ALL
)
SELECT 'violation' AS kind, 'yb-qd18/commune-monthly' AS rule_id, 'leader' AS subject_type, b.leader_id AS subject_id, b.period
FROM bound b ANTI JOIN counted c USING (leader_id, period)
