-- Load the org snapshot and the event stream, and derive what every check
-- reads: the current version of each meeting, its attendance, the periods.
-- Placeholders {{org_file}}, {{events_file}}, {{as_of}}, {{from}} are SQL
-- literals filled in by peer.ts. Steps are separated by "-- @step <name>".
-- Times: Asia/Ho_Chi_Minh is a fixed UTC+07:00, so a local wall clock is
-- "epoch ms + 7 h" read as a naive TIMESTAMP; no time zone database needed.

-- @step macros
CREATE MACRO vn_offset_ms() AS 25200000;
-- An ISO instant with an offset → epoch ms. DuckDB wants seconds, the contract allows HH:MM.
CREATE MACRO instant_ms(s) AS epoch_ms(CAST(regexp_replace(s, '^(\d{4}-\d\d-\d\dT\d\d:\d\d)(Z|[+-])', '\1:00\2') AS TIMESTAMPTZ));
CREATE MACRO local_ts(ms) AS epoch_ms(ms + vn_offset_ms());
CREATE MACRO local_date(ms) AS strftime(local_ts(ms), '%Y-%m-%d');
-- The epoch ms of a naive local TIMESTAMP (e.g. a period's first local midnight).
CREATE MACRO local_ms(ts) AS epoch_ms(ts) - vn_offset_ms();
-- Inclusive local-date ranges ('YYYY-MM-DD' strings order as dates); NULL ends are open.
CREATE MACRO covers(f, t, d) AS (f IS NULL OR f <= d) AND (t IS NULL OR d <= t);
SET VARIABLE as_of_ms = instant_ms({{as_of}});
-- rowid follows the file's line order (the default, stated because the checks depend on it).
SET preserve_insertion_order = true;

-- @step read org
-- One JSON document; only the fields the checks read are declared.
CREATE TABLE org AS
SELECT * FROM read_json({{org_file}}, format = 'auto', records = true, maximum_object_size = 2147483647, columns = {
  units: 'STRUCT(id VARCHAR, kind VARCHAR, parentId VARCHAR, grassrootsType VARCHAR, cellType VARCHAR, tags VARCHAR[], activeFrom VARCHAR, activeTo VARCHAR)[]',
  members: 'STRUCT(id VARCHAR, cellId VARCHAR, joinedOn VARCHAR, leftOn VARCHAR, exemptions STRUCT("from" VARCHAR, "to" VARCHAR)[])[]',
  leaders: 'STRUCT(id VARCHAR, memberId VARCHAR, positions STRUCT(unitId VARCHAR, role VARCHAR, "from" VARCHAR, "to" VARCHAR)[], assignments STRUCT(unitId VARCHAR, "from" VARCHAR, "to" VARCHAR)[])[]'
});

-- @step org tables
CREATE TABLE units AS
SELECT u.id, u.kind, u.parentId AS parent_id, u.grassrootsType AS grassroots_type, u.cellType AS cell_type,
       coalesce(u.tags, []) AS tags, u.activeFrom AS active_from, u.activeTo AS active_to
FROM (SELECT unnest(units) AS u FROM org);

-- exemptions (miễn sinh hoạt) stay a list per member: few members have any.
CREATE TABLE members AS
SELECT m.id, m.cellId AS cell_id, m.joinedOn AS joined_on, m.leftOn AS left_on, coalesce(m.exemptions, []) AS exemptions
FROM (SELECT unnest(members) AS m FROM org);

CREATE TABLE leaders AS
SELECT l.id, l.memberId AS member_id, l.positions, l.assignments FROM (SELECT unnest(leaders) AS l FROM org);

-- Positions and assignments, with the unit they are held at (a dangling unit binds nothing).
CREATE TABLE positions AS
SELECT p.leader_id, p.unit_id, p.role, p.from_date, p.to_date, u.kind AS unit_kind, u.grassroots_type
FROM (SELECT id AS leader_id, x.unitId AS unit_id, x.role, x."from" AS from_date, x."to" AS to_date
      FROM (SELECT id, unnest(positions) AS x FROM leaders)) p
JOIN units u ON u.id = p.unit_id;

CREATE TABLE assignments AS
SELECT a.leader_id, a.unit_id, a.from_date, a.to_date, u.tags
FROM (SELECT id AS leader_id, x.unitId AS unit_id, x."from" AS from_date, x."to" AS to_date
      FROM (SELECT id, unnest(assignments) AS x FROM leaders)) a
JOIN units u ON u.id = a.unit_id;

-- (unit, ancestor-or-self): "a unit lies in the subtree of" is one join.
CREATE TABLE unit_ancestors AS
WITH RECURSIVE up(unit_id, ancestor_id, depth) AS (
  SELECT id, id, 0 FROM units
  UNION ALL
  SELECT up.unit_id, u.parent_id, up.depth + 1 FROM up JOIN units u ON u.id = up.ancestor_id
  WHERE u.parent_id IS NOT NULL AND up.depth < 64
)
SELECT DISTINCT unit_id, ancestor_id FROM up;

-- @step read events
-- File order is kept (rowid): it decides between two records of the same eventId or the same version.
CREATE TABLE raw_events AS
SELECT * FROM read_ndjson({{events_file}}, columns = {
  type: 'VARCHAR', eventId: 'VARCHAR', meetingId: 'VARCHAR', version: 'INTEGER', unitId: 'VARCHAR', kind: 'VARCHAR',
  heldAt: 'VARCHAR', endedAt: 'VARCHAR', recordedAt: 'VARCHAR',
  attendance: 'STRUCT(memberId VARCHAR, status VARCHAR)[]', visitingLeaderIds: 'VARCHAR[]'
});

-- @step current meetings
-- Events known at the instant (recorded no later than it), each eventId once: the first in the file.
-- Narrow columns only; the winning record's payload is fetched by its line below.
CREATE TABLE known_events AS
SELECT * FROM (SELECT rowid AS line, type, eventId, meetingId, version, recordedAt FROM raw_events)
WHERE instant_ms(recordedAt) <= getvariable('as_of_ms')
QUALIFY row_number() OVER (PARTITION BY eventId ORDER BY line) = 1;

-- The highest version of each meeting (the first in the file among equals); a retraction is final.
CREATE TABLE meetings AS
WITH current AS (
  SELECT line FROM known_events e
  WHERE type = 'MeetingRecorded'
    AND NOT EXISTS (SELECT 1 FROM known_events r WHERE r.type = 'MeetingRetracted' AND r.meetingId = e.meetingId)
  QUALIFY row_number() OVER (PARTITION BY meetingId ORDER BY version DESC, line) = 1
), record AS (
  SELECT r.*, instant_ms(r.heldAt) AS held_ms FROM (SELECT rowid AS line, * FROM raw_events) r SEMI JOIN current USING (line)
)
SELECT r.meetingId AS meeting_id, r.unitId AS unit_id, r.kind,
       u.kind AS unit_kind, u.grassroots_type, u.cell_type,
       held_ms, instant_ms(r.endedAt) AS ended_ms,
       local_date(held_ms) AS local_date,
       strftime(local_ts(held_ms), '%Y-%m') AS month,
       strftime(local_ts(held_ms), '%Y') || '-Q' || quarter(local_ts(held_ms)) AS quarter,
       strftime(local_ts(held_ms), '%Y') AS year,
       r.attendance, coalesce(r.visitingLeaderIds, []) AS visiting_leader_ids
FROM record r
JOIN units u ON u.id = r.unitId;

-- @step evaluation window
-- --from, or the month of the earliest meeting that counts (of the instant's month when there is none).
SET VARIABLE from_ms = (
  SELECT local_ms(date_trunc('month', local_ts(
    coalesce(instant_ms({{from}} || '-01T00:00:00+07:00'), least(getvariable('as_of_ms'), coalesce(min(held_ms), getvariable('as_of_ms')))))))
  FROM meetings
);

-- Months, quarters and years beginning between from and the instant, with their bounds.
CREATE TABLE periods AS
WITH months AS (
  SELECT m AS start_ts FROM generate_series(
    date_trunc('year', local_ts(getvariable('from_ms'))),
    date_trunc('month', local_ts(getvariable('as_of_ms'))),
    INTERVAL 1 MONTH) g(m)
), all_periods AS (
  SELECT 'month' AS granularity, strftime(start_ts, '%Y-%m') AS period, start_ts, start_ts + INTERVAL 1 MONTH AS end_ts FROM months
  UNION ALL
  SELECT 'quarter', strftime(start_ts, '%Y') || '-Q' || quarter(start_ts), start_ts, start_ts + INTERVAL 3 MONTH FROM months WHERE month(start_ts) IN (1, 4, 7, 10)
  UNION ALL
  SELECT 'year', strftime(start_ts, '%Y'), start_ts, start_ts + INTERVAL 1 YEAR FROM months WHERE month(start_ts) = 1
)
SELECT granularity, period,
       strftime(start_ts, '%Y-%m-%d') AS first_day,
       strftime(end_ts - INTERVAL 1 DAY, '%Y-%m-%d') AS last_day,
       local_ms(start_ts) AS start_ms, local_ms(end_ts) AS end_ms
FROM all_periods
WHERE local_ms(start_ts) BETWEEN getvariable('from_ms') AND getvariable('as_of_ms');

-- Periods whose deadline plus the grace days (3 in dieu-le and yb-qd18) has passed: violations.
-- Reminders (open periods) are not computed by this peer.
CREATE TABLE closed_periods AS
SELECT * FROM periods WHERE getvariable('as_of_ms') >= end_ms + 3 * 86400000;

-- @step eligible attendance
-- Every member eligible at a regular/combined meeting of their own cell (active in the cell and
-- not exempted on the meeting date), with their recorded status (NULL when not listed).
CREATE TABLE eligible_attendance AS
WITH cell_meetings AS (
  SELECT meeting_id, unit_id, kind, held_ms, local_date, month, year, attendance
  FROM meetings WHERE unit_kind = 'cell' AND kind IN ('regular', 'combined')
), listed AS (
  SELECT meeting_id, a.memberId AS member_id, a.status
  FROM (SELECT meeting_id, unnest(attendance) AS a FROM cell_meetings)
)
SELECT m.meeting_id, m.unit_id, m.kind, m.held_ms, m.local_date, m.month, m.year, mb.id AS member_id, l.status
FROM cell_meetings m
JOIN members mb ON mb.cell_id = m.unit_id AND covers(mb.joined_on, mb.left_on, m.local_date)
LEFT JOIN listed l ON l.meeting_id = m.meeting_id AND l.member_id = mb.id
WHERE len(list_filter(mb.exemptions, x -> covers(x."from", x."to", m.local_date))) = 0;

-- @step visits
-- A leader's visit: a meeting listing the leader, under an assignment active on the meeting date
-- (one row per such assignment). own_cell: the meeting is of the cell the leader belongs to.
CREATE TABLE visits AS
SELECT v.leader_id, m.meeting_id, m.kind, m.unit_kind, m.grassroots_type, m.cell_type, m.local_date, m.month, m.quarter, m.year,
       a.unit_id AS assignment_unit_id, a.tags AS assignment_tags,
       coalesce(own.cell_id = m.unit_id, false) AS own_cell
FROM (SELECT meeting_id, unnest(visiting_leader_ids) AS leader_id FROM meetings) v
JOIN meetings m USING (meeting_id)
JOIN assignments a ON a.leader_id = v.leader_id AND covers(a.from_date, a.to_date, m.local_date)
JOIN unit_ancestors ua ON ua.unit_id = m.unit_id AND ua.ancestor_id = a.unit_id
JOIN leaders l ON l.id = v.leader_id
LEFT JOIN members own ON own.id = l.member_id;
