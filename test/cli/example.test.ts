import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Finding } from '../../shared/contract/findings.ts';
import { EXAMPLE_DIR } from '../support/builders.ts';
import { runBinary } from '../support/cli.ts';

const file = (name: string): string => fileURLToPath(new URL(name, EXAMPLE_DIR));
const args = ['evaluate', '--org', file('org.json'), '--events', file('events.jsonl'), '--packs', 'dieu-le,yb-qd18', '--as-of', '2026-04-04T00:00:00+07:00'];
const identity = (f: { kind: string; ruleId: string; subject: unknown; period: string }) => JSON.stringify([f.kind, f.ruleId, f.subject, f.period]);

describe('chibo evaluate on the shipped example (the real binary)', () => {
  it('prints exactly the expected findings, in order, each a complete finding of the contract', async () => {
    const result = await runBinary(args, { TZ: 'America/Los_Angeles' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const printed = result.stdout.trimEnd().split('\n').map((l) => Finding.parse(JSON.parse(l)));
    const expected = readFileSync(file('expected.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Finding);
    expect(printed.map(identity)).toEqual(expected.map(identity));

    const tdp5February = printed.find((f) => f.ruleId === 'dieu-le/monthly-regular-meeting')!;
    expect(tdp5February).toMatchObject({
      dueBy: '2026-02-28T23:59:59+07:00',
      missing: { regularMeetings: 1 },
      evidence: [],
      recipients: ['S-TDP5', 'ubkt:LC.NL'],
      citation: 'Điều lệ Đảng, Điều 24 (19/1/2011)',
    });
    expect(tdp5February.message.vi).toBe('Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026 (Điều lệ Đảng, Điều 24)');
    expect(tdp5February.message.en).toBe('Chi bộ tổ dân phố 5 held no regular meeting in 02/2026 (Party Charter, Art. 24)');

    const lXaMarch = printed.find((f) => f.ruleId === 'yb-qd18/commune-monthly' && f.period === '2026-03')!;
    expect(lXaMarch).toMatchObject({ missing: { meetings: 1 }, evidence: [], recipients: ['L-xa', 'ubkt:LC.NL'], citation: 'Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)' });
    expect(lXaMarch.message.vi).toContain('còn thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư');

    const absence = printed.find((f) => f.ruleId === 'dieu-le/member-unexcused-absence')!;
    expect(absence).toMatchObject({ evidence: ['TDP2-01', 'TDP2-02', 'TDP2-03'], recipients: ['S-TDP2', 'ubkt:LC.NL'], dueBy: null });
    for (const f of printed) expect(f.message.vi.normalize('NFC')).toBe(f.message.vi);
  });

  it('--format table prints an aligned Vietnamese table and every message', async () => {
    const result = await runBinary([...args, '--format', 'table']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Kết quả đánh giá tại 2026-04-04T00:00:00+07:00: 8 phát hiện (4 vi phạm, 0 nhắc nhở, 4 cảnh báo)');
    const header = lines.find((l) => l.startsWith('#'))!;
    const row = lines.find((l) => l.includes('dieu-le/monthly-regular-meeting'))!;
    // Columns line up: "Quy tắc" starts where each rule id starts.
    expect(row.indexOf('dieu-le/')).toBe([...header.slice(0, header.indexOf('Quy tắc'))].length);
    expect(result.stdout).toContain('Chi bộ tổ dân phố 5 chưa sinh hoạt chuyên đề quý I/2026 (Hướng dẫn 12-HD/BTCTW)');
  });

  it('--format table names a meeting by its cell and the date it was held, not by its id', async () => {
    const result = await runBinary([...args, '--format', 'table']);
    const alert = result.stdout.split('\n').find((l) => l.includes('dieu-le/attendance-rate'))!;
    expect(alert).toContain('Chi bộ tổ dân phố 2, buổi 08/01/2026');
    expect(result.stdout).not.toMatch(/buổi TDP2-0\d/);
  });
});
