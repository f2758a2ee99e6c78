import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../support/builders.ts';
import { runCli, tempFiles } from '../support/cli.ts';

/**
 * Rules are data: a province's pack written as JSON, from the generic
 * templates, runs through `chibo evaluate` with no change to the engine.
 */
const hcmPack = {
  id: 'hcm-test',
  name: { vi: 'Quy định thử nghiệm', en: 'A test regulation' },
  rules: [
    {
      id: 'hcm-test/commune-quarterly-two-cells',
      template: 'counted-meetings',
      title: { vi: 'Dự sinh hoạt 2 chi bộ mỗi quý', en: 'Two cell visits a quarter' },
      citation: { document: { vi: 'Quy định 99-QĐ/TU', en: 'Regulation 99-QĐ/TU' }, article: { vi: 'Điều 3', en: 'Art. 3' }, issuer: 'Thử nghiệm', date: '2025-01-02' },
      validFrom: '2025-01-02',
      period: 'quarter',
      subject: { type: 'leader', roles: ['standing_committee'], positionUnit: { kinds: ['grassroots'] } },
      requirements: [{ key: 'cellMeetings', count: 2, label: { vi: 'lần dự sinh hoạt chi bộ', en: 'cell visit' }, anyOf: [{ unit: { kinds: ['cell'] } }] }],
      remindDaysBeforeEnd: 15,
      messages: {
        violation: { vi: '{subject} còn thiếu {missing} {period} ({citation})', en: '{subject} still owes {missing} for {period} ({citation})' },
        reminder: { vi: '{subject} còn thiếu {missing} {period}, hạn {dueBy}', en: '{subject} still owes {missing} for {period}, due {dueBy}' },
      },
    },
  ],
};

const example = (name: string): string => fileURLToPath(new URL(name, EXAMPLE_DIR));

describe('a pack file given to --packs', () => {
  it('is validated and evaluated like a shipped pack', async () => {
    const files = tempFiles({ 'hcm.json': JSON.stringify(hcmPack, null, 2) });
    const result = await runCli(['evaluate', '--org', example('org.json'), '--events', example('events.jsonl'), '--packs', files['hcm.json']!, '--as-of', '2026-04-04T00:00:00+07:00']);
    expect(result.stderr).toBe('');
    const findings = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    const custom = findings.filter((f) => f.ruleId.startsWith('hcm-test/'));
    // L-xa visited TDP2 in January and TDP5 in March: the own-cell exclusion is off in this pack, so two visits, met.
    expect(custom).toEqual([]);
    expect(findings.some((f) => f.ruleId === 'dieu-le/monthly-regular-meeting')).toBe(true);

    const stricter = structuredClone(hcmPack);
    stricter.rules[0]!.requirements[0]!.count = 3;
    const strictFiles = tempFiles({ 'hcm.json': JSON.stringify(stricter) });
    const strict = await runCli(['evaluate', '--org', example('org.json'), '--events', example('events.jsonl'), '--packs', strictFiles['hcm.json']!, '--as-of', '2026-04-04T00:00:00+07:00']);
    const owed = strict.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).filter((f) => f.ruleId.startsWith('hcm-test/'));
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ kind: 'violation', subject: { type: 'leader', id: 'L-xa' }, period: '2026-Q1', missing: { cellMeetings: 1 }, evidence: ['TDP2-01', 'TDP5-03'] });
    expect(owed[0].message.vi).toBe('Đồng chí Ủy viên Ban Thường vụ Đảng ủy phường còn thiếu 1 lần dự sinh hoạt chi bộ quý I/2026 (Quy định 99-QĐ/TU, Điều 3)');
  });

  it('that is invalid exits 2 naming the pack file, its line and the field', async () => {
    const bad = structuredClone(hcmPack) as any;
    bad.rules[0].requirements[0].count = 0;
    const files = tempFiles({ 'hcm.json': JSON.stringify(bad, null, 2) });
    const result = await runCli(['evaluate', '--org', example('org.json'), '--events', example('events.jsonl'), '--packs', files['hcm.json']!]);
    expect(result.code).toBe(2);
    const text = readFileSync(files['hcm.json']!, 'utf8');
    const line = text.slice(0, text.indexOf('"count": 0')).split('\n').length;
    expect(result.stderr).toContain(`hcm.json:${line}: rules[0].requirements[0].count: `);
  });
});
