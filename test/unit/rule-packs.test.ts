import { describe, expect, it } from 'vitest';
import { formatPath, parseWith } from '../../shared/contract/issues.ts';
import { BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import { dieuLe } from '../../shared/rules/packs/dieu-le.ts';
import { RulePack } from '../../shared/rules/rule-pack.ts';

/** Every rule of RULES.md but quality rating, by its exact id. */
const CATALOG = [
  'bg-thematic-resolution/resolution-issued',
  'dieu-le/attendance-rate',
  'dieu-le/excused-absence-streak',
  'dieu-le/member-unexcused-absence',
  'dieu-le/minimum-duration',
  'dieu-le/monthly-regular-meeting',
  'dieu-le/quarterly-thematic-meeting',
  'hn-da11/attendance-90',
  'kt-qd776/commune-yearly',
  'kt-qd776/district-yearly',
  'kt-qd776/provincial-yearly',
  'quality/rating-below-kha',
  'quality/self-upper-gap',
  'quality/unscored-meeting',
  'td-exemptions/exemption-share',
  'yb-qd18/commune-monthly',
  'yb-qd18/district-quarterly',
  'yb-qd18/provincial-commune-quarterly',
  'yb-qd18/provincial-standing-quarterly',
];

describe('the shipped packs', () => {
  it('hold exactly the rules of the catalog', () => {
    const ids = [...BUILT_IN_PACKS.values()].flatMap((p) => p.rules.map((r) => r.id)).sort();
    expect(ids).toEqual(CATALOG);
  });

  it('cite a document in every rule, and an article where the source has one', () => {
    for (const pack of BUILT_IN_PACKS.values()) {
      for (const rule of pack.rules) expect(rule.citation.document.vi.length, rule.id).toBeGreaterThan(0);
    }
    const monthly = BUILT_IN_PACKS.get('dieu-le')!.rules.find((r) => r.id === 'dieu-le/monthly-regular-meeting')!;
    expect(monthly.citation.article).toEqual({ vi: 'Điều 24', en: 'Art. 24' });
  });

  it('close the district rules at the 2025 reform', () => {
    const districtRules = [...BUILT_IN_PACKS.values()].flatMap((p) => p.rules).filter((r) => r.id.includes('district'));
    expect(districtRules.map((r) => [r.id, r.validTo])).toEqual([
      ['yb-qd18/district-quarterly', '2025-06-30'],
      ['kt-qd776/district-yearly', '2025-06-30'],
    ]);
  });
});

describe('pack validation', () => {
  const broken = (change: (pack: Record<string, any>) => void) => {
    const pack = structuredClone(dieuLe) as Record<string, any>;
    change(pack);
    const parsed = parseWith(RulePack, pack);
    return parsed.ok ? [] : parsed.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  };

  it('refuses a placeholder the template does not fill', () => {
    const issues = broken((p) => (p.rules[0].messages.violation.vi = '{subject} thiếu {quota}'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^rules\[0\]\.messages\.violation\.vi: unknown placeholder \{quota\}/);
  });

  it('refuses a rule named outside its pack, a duplicate id and an unknown template', () => {
    expect(broken((p) => (p.rules[1].id = 'other/monthly'))).toEqual(['rules[1].id: a rule of pack dieu-le must be named dieu-le/…']);
    expect(broken((p) => (p.rules[1].id = p.rules[0].id))).toEqual(['rules[1].id: duplicate rule id dieu-le/monthly-regular-meeting']);
    expect(broken((p) => (p.rules[0].template = 'magic'))[0]).toMatch(/^rules\[0\]\.template: /);
  });

  it('refuses a threshold out of range and a missing reminder window', () => {
    expect(broken((p) => (p.rules[4].thresholdPercent = 185))[0]).toMatch(/^rules\[4\]\.thresholdPercent: /);
    expect(broken((p) => delete p.rules[0].remindDaysBeforeEnd)[0]).toMatch(/^rules\[0\]\.remindDaysBeforeEnd: required field is missing/);
  });
});
