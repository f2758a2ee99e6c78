-- yb-qd18/provincial-standing-quarterly: a leader holding standing_committee at a province unit
-- and some assignment, both on the quarter's first day, made no visit in the quarter to a
-- committee meeting of a grassroots unit or to any meeting of a residential cell, within an
-- assignment active on the meeting date.
WITH bound AS (
  SELECT DISTINCT pos.leader_id, p.period
  FROM closed_periods p
  JOIN positions pos ON pos.role = 'standing_committee' AND pos.unit_kind = 'province'
                    AND covers(pos.from_date, pos.to_date, p.first_day)
  WHERE p.granularity = 'quarter' AND p.first_day >= '2019-04-16'
    AND EXISTS (SELECT 1 FROM assignments a WHERE a.leader_id = pos.leader_id AND covers(a.from_date, a.to_date, p.first_day))
), counted AS (
  SELECT leader_id, quarter AS period
  FROM visits
  WHERE (kind = 'committee' AND unit_kind = 'grassroots') OR (unit_kind = 'cell' AND cell_type = 'residential')
  GROUP BY ALL
)
SELECT 'violation' AS kind, 'yb-qd18/provincial-standing-quarterly' AS rule_id, 'leader' AS subject_type, b.leader_id AS subject_id, b.period
FROM bound b ANTI JOIN counted c USING (leader_id, period)
