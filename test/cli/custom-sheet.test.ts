/**
 * A pack file may bring its own score sheet: `chibo evaluate` checks records
 * against the sheets of the packs it loaded (with the shipped ones), rates
 * them on it, and refuses a score above that sheet's maximum, naming file,
 * line and field.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../support/builders.ts';
import { runCli, tempFiles } from '../support/cli.ts';

const sheet = {
  id: 'tn-100',
  name: { vi: 'Phiếu chấm điểm thử nghiệm', en: 'A test score sheet' },
  citation: { document: { vi: 'Hướng dẫn 05-HD/TU', en: 'Guidance 05-HD/TU' }, issuer: 'Thử nghiệm', date: '2026-01-05' },
  kinds: ['regular', 'combined'],
  normalise: false,
  weightsPublished: true,
  criteria: [
    { id: 'attendance', label: { vi: 'tỷ lệ dự họp', en: 'attendance' }, max: 20, source: 'computed', computed: { measure: 'attendance', steps: [{ percent: 90, points: 20 }, { percent: 75, points: 15 }], otherwise: 5 } },
    { id: 'content', label: { vi: 'nội dung sinh hoạt', en: 'content' }, max: 50, source: 'declared' },
    { id: 'minutes', label: { vi: 'biên bản', en: 'minutes' }, max: 30, critical: true, source: 'declared' },
  ],
};

const pack = (sheetOverride: object = {}) => ({
  id: 'tn-test',
  name: { vi: 'Quy định thử nghiệm', en: 'A test regulation' },
  rules: [
    {
      id: 'tn-test/rating',
      template: 'quality-rating',
      title: { vi: 'Buổi sinh hoạt xếp loại dưới khá', en: 'A meeting rated below fair' },
      citation: sheet.citation,
      validFrom: '2026-01-05',
      sheets: [{ ...sheet, ...sheetOverride }],
      alertBands: ['trung-binh', 'kem'],
      messages: { alert: { vi: '{subject} xếp loại {band}: {total} điểm; mất điểm ở {lost} ({citation})', en: '{subject} rated {band}: {total} points; lost {lost} ({citation})' } },
    },
  ],
});

const record = (scores: Record<string, number>) =>
  JSON.stringify({
    type: 'MeetingRecorded',
    eventId: 'e-tn-1',
    meetingId: 'TDP2-tn',
    version: 1,
    unitId: 'LC.NL.TDP2',
    kind: 'regular',
    heldAt: '2026-02-20T19:30:00+07:00',
    recordedAt: '2026-02-20T22:00:00+07:00',
    attendance: ['TDP2-1', 'TDP2-2', 'TDP2-3', 'TDP2-4', 'TDP2-5'].map((memberId) => ({ memberId, status: 'present' })),
    quality: { sheet: 'tn-100', scoredBy: 'self', scores },
  });

const org = fileURLToPath(new URL('org.json', EXAMPLE_DIR));
const evaluate = (files: Record<string, string>, packs: string) => runCli(['evaluate', '--org', org, '--events', files['events.jsonl']!, '--packs', packs, '--as-of', '2026-03-01T00:00:00+07:00']);

describe('a score sheet brought by a pack file', () => {
  it('rates the records that name it, with the sheet’s labels and citation', async () => {
    const files = tempFiles({ 'tn.json': JSON.stringify(pack()), 'events.jsonl': `${record({ content: 20, minutes: 10 })}\n` });
    const result = await evaluate(files, files['tn.json']!);
    expect(result.stderr).toBe('');
    const alerts = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((f) => f.ruleId === 'tn-test/rating');
    expect(alerts).toHaveLength(1);
    // Attendance 20 (all five present) + content 20 + minutes 10.
    expect(alerts[0].message.vi).toBe('Buổi sinh hoạt ngày 20/02/2026 của Chi bộ tổ dân phố 2 xếp loại trung bình: 50 điểm; mất điểm ở nội dung sinh hoạt 20/50 và biên bản 10/30 (Hướng dẫn 05-HD/TU)');
  });

  it('a score above the pack sheet’s maximum exits 2 naming the events file, its line and the field', async () => {
    const files = tempFiles({ 'tn.json': JSON.stringify(pack()), 'events.jsonl': `${record({ content: 20, minutes: 31 })}\n` });
    const result = await evaluate(files, files['tn.json']!);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('events.jsonl:1: quality.scores.minutes: at most 30 points for minutes, got 31');
  });

  it('without the pack, the sheet is unknown and the record is refused', async () => {
    const files = tempFiles({ 'events.jsonl': `${record({ content: 20, minutes: 10 })}\n` });
    const result = await evaluate(files, 'dieu-le');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('events.jsonl:1: quality.sheet: unknown score sheet tn-100; known: hd42-100, hb-qd31');
  });

  it('two packs giving one sheet id two definitions exit 2', async () => {
    const other = { ...pack({ criteria: sheet.criteria.map((c) => (c.id === 'content' ? { ...c, max: 40 } : c.id === 'minutes' ? { ...c, max: 40 } : c)) }), id: 'tn-other' };
    other.rules = other.rules.map((r) => ({ ...r, id: 'tn-other/rating' }));
    const files = tempFiles({ 'tn.json': JSON.stringify(pack()), 'other.json': JSON.stringify(other), 'events.jsonl': `${record({ content: 20, minutes: 10 })}\n` });
    const result = await evaluate(files, `${files['tn.json']},${files['other.json']}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--packs: packs tn-test and tn-other define score sheet "tn-100" differently');
  });
});
