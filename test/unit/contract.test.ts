import { describe, expect, it } from 'vitest';
import { MeetingEvent } from '../../shared/contract/events.ts';
import { formatPath } from '../../shared/contract/issues.ts';
import { Id, Instant, LocalDate } from '../../shared/contract/primitives.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { exampleOrgJson } from '../support/builders.ts';

describe('primitives', () => {
  it('accepts instants only with an offset, and only real ones', () => {
    for (const ok of ['2026-03-05T19:30:00+07:00', '2026-03-05T12:30:00Z', '2026-03-05T12:30Z', '2026-03-05T19:30:00.123+07:00', '2028-02-29T00:00:00+07:00']) {
      expect(Instant.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['2026-03-05T19:30:00', '2026-03-05', '2026-02-30T10:00:00+07:00', '2026-03-05T24:00:00+07:00', '2027-02-29T00:00:00Z', '2026-03-05T19:30:00+25:00', '1800-01-01T00:00:00Z']) {
      expect(Instant.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts local dates that exist', () => {
    expect(LocalDate.safeParse('2028-02-29').success).toBe(true);
    expect(LocalDate.safeParse('2026-02-29').success).toBe(false);
    expect(LocalDate.safeParse('2026-1-5').success).toBe(false);
  });

  it('accepts ids of the contract only', () => {
    expect(Id.safeParse('LC.NL.TDP2').success).toBe(true);
    expect(Id.safeParse('L:xa_01-b').success).toBe(true);
    for (const bad of ['', 'a b', 'Đ1', 'x'.repeat(129), 'a/b']) expect(Id.safeParse(bad).success, bad).toBe(false);
  });

  it('writes paths as a reader would', () => {
    expect(formatPath(['attendance', 3, 'status'])).toBe('attendance[3].status');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('org snapshot', () => {
  it('normalises names to NFC and fills defaults', () => {
    const json = exampleOrgJson();
    json.members[0]!.name = 'Hoàng Văn Minh'.normalize('NFD');
    const parsed = parseOrg(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const member = parsed.value.members.get(json.members[0]!.id)!;
    expect(member.name).toBe('Hoàng Văn Minh'.normalize('NFC'));
    expect(member.name).not.toBe(json.members[0]!.name);
    expect(member.status).toBe('full');
    expect(member.exemptions).toEqual([]);
  });

  it('reports every broken reference with its path', () => {
    const json = exampleOrgJson() as unknown as { units: Array<Record<string, unknown>>; leaders: Array<Record<string, unknown>> };
    json.units[1]!['parentId'] = 'nowhere';
    (json.leaders[0]!['positions'] as Array<Record<string, unknown>>)[0]!['unitId'] = 'gone';
    const parsed = parseOrg(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => formatPath(i.path))).toEqual(['units[1].parentId', 'leaders[0].positions[0].unitId']);
  });

  it('refuses a grassrootsType on a cell and a cell with no parent', () => {
    const json = exampleOrgJson() as unknown as { units: Array<Record<string, unknown>> };
    json.units[2]!['grassrootsType'] = 'commune';
    json.units[3]!['parentId'] = null;
    const parsed = parseOrg(json);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => formatPath(i.path))).toEqual(['units[2].grassrootsType', 'units[3].parentId']);
  });
});

describe('events', () => {
  const base = {
    type: 'MeetingRecorded',
    eventId: 'e-1',
    meetingId: 'mt-1',
    version: 1,
    unitId: 'LC.NL.TDP2',
    kind: 'regular',
    heldAt: '2026-03-05T19:30:00+07:00',
    recordedAt: '2026-03-06T08:00:00+07:00',
    attendance: [{ memberId: 'TDP2-1', status: 'present' }],
  };

  it('defaults visitors to none and normalises the topic', () => {
    const e = MeetingEvent.parse({ ...base, topic: 'Học tập và làm theo tư tưởng Hồ Chí Minh'.normalize('NFD') });
    expect(e.type === 'MeetingRecorded' && e.visitingLeaderIds).toEqual([]);
    expect(e.type === 'MeetingRecorded' && e.topic).toBe('Học tập và làm theo tư tưởng Hồ Chí Minh'.normalize('NFC'));
  });

  it('refuses a meeting longer than a day and a retraction with extra fields', () => {
    expect(MeetingEvent.safeParse({ ...base, endedAt: '2026-03-06T20:00:00+07:00' }).success).toBe(false);
    expect(MeetingEvent.safeParse({ type: 'MeetingRetracted', eventId: 'e-2', meetingId: 'mt-1', recordedAt: '2026-03-07T08:00:00+07:00', version: 2 }).success).toBe(false);
  });
});
