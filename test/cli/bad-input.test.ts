import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../support/builders.ts';
import { runBinary, runCli, tempFiles } from '../support/cli.ts';

const exampleOrg = readFileSync(fileURLToPath(new URL('org.json', EXAMPLE_DIR)), 'utf8');
const exampleEvents = readFileSync(fileURLToPath(new URL('events.jsonl', EXAMPLE_DIR)), 'utf8');
const goodEvent = exampleEvents.split('\n')[0]!;
const asOf = ['--as-of', '2026-04-04T00:00:00+07:00'];

/** The second line of events.jsonl is the first event with one change. */
function eventsWithSecondLine(change: (e: Record<string, unknown>) => void): string {
  const bad = JSON.parse(goodEvent) as Record<string, unknown>;
  bad['eventId'] = 'e-bad';
  bad['meetingId'] = 'mt-bad';
  change(bad);
  return `${goodEvent}\n${JSON.stringify(bad)}\n`;
}

async function evaluateFiles(org: string, events: string, extra: string[] = []) {
  const files = tempFiles({ 'org.json': org, 'events.jsonl': events });
  const result = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, ...asOf, ...extra]);
  return { ...result, files };
}

describe('bad events: exit 2, one line naming the file, the line and the field, nothing on stdout', () => {
  const cases: Array<[string, (e: Record<string, unknown>) => void, RegExp]> = [
    ['a wrong attendance status', (e) => ((e['attendance'] as Array<Record<string, unknown>>)[1]!['status'] = 'sick'), /events\.jsonl:2: attendance\[1\]\.status: /],
    ['heldAt without an offset', (e) => (e['heldAt'] = '2026-01-08T19:30:00'), /events\.jsonl:2: heldAt: expected an ISO 8601 date-time with an offset/],
    ['an impossible date', (e) => (e['heldAt'] = '2026-02-30T19:30:00+07:00'), /events\.jsonl:2: heldAt: /],
    ['a missing field', (e) => delete e['kind'], /events\.jsonl:2: kind: required field is missing/],
    ['an extra field', (e) => (e['visitingLeaderId'] = 'L-xa'), /events\.jsonl:2: visitingLeaderId: unknown field/],
    ['an unknown member', (e) => ((e['attendance'] as Array<Record<string, unknown>>)[3]!['memberId'] = 'nobody'), /events\.jsonl:2: attendance\[3\]\.memberId: "nobody" is not a member of unit "LC\.NL\.TDP2" or of its committee/],
    // Another cell's member reads as one the org has not: the same words.
    ['a member of another cell', (e) => ((e['attendance'] as Array<Record<string, unknown>>)[3]!['memberId'] = 'TDP5-1'), /events\.jsonl:2: attendance\[3\]\.memberId: "TDP5-1" is not a member of unit "LC\.NL\.TDP2" or of its committee/],
    ['an unknown unit', (e) => (e['unitId'] = 'LC.XX'), /events\.jsonl:2: unitId: unknown unit "LC.XX"/],
    ['an unknown leader', (e) => (e['visitingLeaderIds'] = ['L-xa', 'L-ghost']), /events\.jsonl:2: visitingLeaderIds\[1\]: unknown leader "L-ghost"/],
    ['a member listed twice', (e) => ((e['attendance'] as Array<Record<string, unknown>>)[2]!['memberId'] = 'TDP2-1'), /events\.jsonl:2: attendance\[2\]\.memberId: member TDP2-1 is listed twice/],
    ['recorded before held', (e) => (e['recordedAt'] = '2026-01-08T19:00:00+07:00'), /events\.jsonl:2: recordedAt: /],
    ['an end before the start', (e) => (e['endedAt'] = '2026-01-08T19:00:00+07:00'), /events\.jsonl:2: endedAt: endedAt must be after heldAt/],
    ['a version of 0', (e) => (e['version'] = 0), /events\.jsonl:2: version: /],
    ['an unknown event type', (e) => (e['type'] = 'MeetingDeleted'), /events\.jsonl:2: type: /],
  ];
  for (const [name, change, message] of cases) {
    it(name, async () => {
      const result = await evaluateFiles(exampleOrg, eventsWithSecondLine(change));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    });
  }

  it('a line that is not JSON, counting blank lines', async () => {
    const result = await evaluateFiles(exampleOrg, `${goodEvent}\n\n{"type": "MeetingRecorded",\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/events\.jsonl:3: invalid JSON/);
  });
});

describe('bad org snapshots: the line of the offending field', () => {
  const org = JSON.parse(exampleOrg) as { units: Array<Record<string, unknown>>; members: Array<Record<string, unknown>>; leaders: Array<Record<string, unknown>> };
  const variant = (change: (o: typeof org) => void): string => {
    const copy = structuredClone(org);
    change(copy);
    return JSON.stringify(copy, null, 1);
  };
  const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

  const cases: Array<[string, (o: typeof org) => void, string, RegExp]> = [
    ['an unknown parentId', (o) => (o.units[2]!['parentId'] = 'LC.ZZ'), '"LC.ZZ"', /units\[2\]\.parentId: unknown unit "LC.ZZ"/],
    ['a cell under a cell', (o) => (o.units[3]!['parentId'] = 'LC.NL.TDP2'), '"parentId": "LC.NL.TDP2"', /units\[3\]\.parentId: a cell cannot sit under another cell/],
    ['a duplicate member id', (o) => (o.members[4]!['id'] = 'TDP2-1'), '"id": "TDP2-1",\n   "name": "Vì Văn Tuấn"', /members\[4\]\.id: duplicate id "TDP2-1"/],
    ['a member of an unknown cell', (o) => (o.members[0]!['cellId'] = 'LC.NL.TDP9'), '"LC.NL.TDP9"', /members\[0\]\.cellId: unknown cell "LC.NL.TDP9"/],
    ['a member of a non-cell unit', (o) => (o.members[0]!['cellId'] = 'LC.NL'), '"cellId": "LC.NL"', /members\[0\]\.cellId: "LC.NL" is a grassroots, not a cell/],
    ['an assignment to an unknown unit', (o) => ((o.leaders[0]!['assignments'] as Array<Record<string, unknown>>)[0]!['unitId'] = 'LC.QQ'), '"LC.QQ"', /leaders\[0\]\.assignments\[0\]\.unitId: unknown unit "LC.QQ"/],
    ['a leader who is an unknown member', (o) => (o.leaders[1]!['memberId'] = 'm-404'), '"m-404"', /leaders\[1\]\.memberId: unknown member "m-404"/],
    ['an unknown role', (o) => ((o.leaders[0]!['positions'] as Array<Record<string, unknown>>)[0]!['role'] = 'chairman'), '"chairman"', /leaders\[0\]\.positions\[0\]\.role: /],
  ];
  for (const [name, change, needle, message] of cases) {
    it(name, async () => {
      const text = variant(change);
      const result = await evaluateFiles(text, exampleEvents);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(`org.json:${lineOf(text, needle)}: `);
    });
  }

  it('a cycle in the unit tree', async () => {
    const text = variant((o) => {
      o.units[0]!['parentId'] = 'LC.NL';
    });
    const result = await evaluateFiles(text, exampleEvents);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/org\.json:\d+: units\[\d\]\.parentId: the unit tree has a cycle/);
  });

  it('a syntax error names its line', async () => {
    const result = await evaluateFiles('{\n "units": [\n  {"id": "A",}\n ]\n}', exampleEvents);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/org\.json:3: invalid JSON/);
  });
});

describe('bad arguments', () => {
  it('an unknown pack', async () => {
    const result = await evaluateFiles(exampleOrg, exampleEvents, ['--packs', 'dieu-le,hcm-qd99']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--packs: unknown pack "hcm-qd99"/);
  });

  it('an --as-of without an offset', async () => {
    const files = tempFiles({ 'org.json': exampleOrg, 'events.jsonl': exampleEvents });
    const result = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, '--as-of', '2026-04-04T00:00:00']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--as-of: "2026-04-04T00:00:00" is not an ISO 8601 instant with an offset/);
  });

  it('a missing file', async () => {
    const result = await runCli(['evaluate', '--org', '/nonexistent/org.json', '--events', '/nonexistent/e.jsonl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/nonexistent\/org\.json: cannot read the file \(ENOENT\)/);
  });

  it('the real binary exits 2 with the message and prints nothing', async () => {
    const files = tempFiles({ 'org.json': exampleOrg, 'events.jsonl': eventsWithSecondLine((e) => (e['kind'] = 'party')) });
    const result = await runBinary(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, ...asOf]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^chibo: .*events\.jsonl:2: kind: .*\n$/);
  });
});
