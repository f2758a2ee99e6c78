/** Notifications: one per recipient, the topic by kind, the attributes subscribers filter on, an ASCII subject, a Vietnamese-then-English body. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contract/findings.ts';
import { asciiFold, describeDeadline, MAX_SUBJECT, notificationsFor } from '../../shared/notifications/compose.ts';
import { notificationKey } from '../../shared/notifications/dedup-key.ts';
import { TDP5_FEBRUARY } from '../support/findings.ts';

const violation: Finding = TDP5_FEBRUARY;

const reminder: Finding = {
  kind: 'reminder',
  ruleId: 'yb-qd18/commune-monthly',
  subject: { type: 'leader', id: 'L-xa' },
  period: '2026-03',
  dueBy: '2026-03-31T23:59:59+07:00',
  missing: { residentialCellVisits: 1 },
  evidence: [],
  recipients: ['L-xa'],
  message: {
    vi: 'Đồng chí Ủy viên Ban Thường vụ Đảng ủy phường còn thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư tháng 03/2026; hạn cuối 31/03/2026 (Quy định 18-QĐ/TU)',
    en: 'Ủy viên Ban Thường vụ Đảng ủy phường still owes 1 visit to a residential cell meeting for 03/2026; due by 31/03/2026 (Regulation 18-QĐ/TU)',
  },
  citation: 'Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)',
};

const alert: Finding = {
  kind: 'alert',
  ruleId: 'dieu-le/attendance-rate',
  subject: { type: 'meeting', id: 'TDP2-01' },
  period: '2026-01',
  dueBy: null,
  missing: {},
  evidence: ['TDP2-01'],
  recipients: ['S-TDP2', 'ubkt:LC.NL'],
  message: {
    vi: 'Buổi sinh hoạt ngày 08/01/2026 của Chi bộ tổ dân phố 2 chỉ có 4/5 đảng viên dự (80%), chưa đạt trên 85% (Hướng dẫn 12-HD/BTCTW)',
    en: 'The meeting of 08/01/2026 at Chi bộ tổ dân phố 2 had 4 of 5 members present (80%), not above 85% (Guidance 12-HD/BTCTW)',
  },
  citation: 'Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)',
};

const where = { provinceId: 'LC', unitId: 'LC.NL.TDP5' };
const one = (f: Finding, stage: 'raised' | 'withdrawn' = 'raised') => notificationsFor(f, stage, where)[0]!;
/** Vietnamese letters with diacritics, đ included. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('notificationsFor: recipients, topics, attributes', () => {
  it('one notification per recipient, in the order of the recipients, with the same subject and body', () => {
    const ns = notificationsFor(violation, 'raised', where);
    expect(ns).toHaveLength(2);
    expect(ns.map((n) => n.attributes.recipientId)).toEqual(['S-TDP5', 'ubkt:LC.NL']);
    expect(new Set(ns.map((n) => n.subject)).size).toBe(1);
    expect(new Set(ns.map((n) => n.body)).size).toBe(1);
    expect(notificationsFor({ ...violation, recipients: [] }, 'raised', where)).toEqual([]);
  });

  it('exactly the six attributes subscribers filter on', () => {
    expect(notificationsFor(violation, 'raised', where).map((n) => n.attributes)).toEqual([
      { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', recipientId: 'S-TDP5', provinceId: 'LC', unitId: 'LC.NL.TDP5', period: '2026-02' },
      { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', recipientId: 'ubkt:LC.NL', provinceId: 'LC', unitId: 'LC.NL.TDP5', period: '2026-02' },
    ]);
    expect(notificationsFor(alert, 'raised', { provinceId: 'LC', unitId: 'LC.NL.TDP2' })[1]!.attributes).toEqual({
      kind: 'alert',
      ruleId: 'dieu-le/attendance-rate',
      recipientId: 'ubkt:LC.NL',
      provinceId: 'LC',
      unitId: 'LC.NL.TDP2',
      period: '2026-01',
    });
  });

  it('reminders go to the reminders topic; violations and alerts to the violations topic', () => {
    expect(one(reminder).topic).toBe('reminders');
    expect(one(reminder).attributes.kind).toBe('reminder');
    expect(notificationsFor(violation, 'raised', where).map((n) => n.topic)).toEqual(['violations', 'violations']);
    expect(notificationsFor(alert, 'raised', where).map((n) => n.topic)).toEqual(['violations', 'violations']);
  });

  it('a withdrawal has kind "withdrawn" and goes to the topic of the finding it withdraws', () => {
    expect(notificationsFor(violation, 'withdrawn', where).map((n) => [n.topic, n.attributes.kind])).toEqual([
      ['violations', 'withdrawn'],
      ['violations', 'withdrawn'],
    ]);
    expect([one(reminder, 'withdrawn').topic, one(reminder, 'withdrawn').attributes.kind]).toEqual(['reminders', 'withdrawn']);
    expect([one(alert, 'withdrawn').topic, one(alert, 'withdrawn').attributes.kind]).toEqual(['violations', 'withdrawn']);
  });
});

describe('notificationsFor: the subject', () => {
  const isSnsSubject = (s: string) => /^[\x21-\x7E][\x20-\x7E]*$/.test(s) && s.length < 100;

  it('Vietnamese without diacritics, then English: the tag and the period', () => {
    expect(one(violation).subject).toBe('[Vi pham] Chi bo to dan pho 5 chua sinh hoat thuong ky thang 02/2026 / [Violation] 02/2026');
    expect(one({ ...violation, kind: 'violation', period: '2026-Q1', message: { vi: 'Chi bộ tổ dân phố 5 chưa sinh hoạt chuyên đề quý I/2026 (Hướng dẫn 12-HD/BTCTW)', en: '' } }).subject).toBe(
      '[Vi pham] Chi bo to dan pho 5 chua sinh hoat chuyen de quy I/2026 / [Violation] Q1 2026',
    );
    // Too long for both halves: the Vietnamese half is cut at a word; the English half keeps the period.
    expect(one(violation, 'withdrawn').subject).toBe('[Da rut lai: Vi pham] Chi bo to dan pho 5 chua sinh hoat... / [Withdrawn: Violation] 02/2026');
  });

  it('printable ASCII, under 100 characters, for every kind and stage, even for long Vietnamese names', () => {
    const longName = `Chi bộ ${'thôn Đồng Tâm – Phố Mới “Khu Đô Thị” '.repeat(8)}`;
    const long = { ...alert, message: { vi: `${longName} chỉ có 4/5 đảng viên dự (Điều lệ Đảng, Điều 24)`, en: `${longName} had 4 of 5 members present` } };
    for (const f of [violation, reminder, alert, long])
      for (const stage of ['raised', 'withdrawn'] as const) {
        const { subject } = one(f, stage);
        expect(isSnsSubject(subject), subject).toBe(true);
        expect(subject.length).toBeLessThanOrEqual(MAX_SUBJECT);
        expect(subject).toMatch(/ \/ \[(Withdrawn: )?(Violation|Reminder|Alert)\] \S+( \S+)?$/);
      }
    // A cut is made at a word and marked.
    expect(one(long).subject).toMatch(/^\[Canh bao\] Chi bo thon Dong Tam - Pho Moi "Khu Do Thi" thon .*[a-z"]\.\.\. \/ \[Alert\] 01\/2026$/);
  });

  it('asciiFold strips diacritics and đ, and writes typographic punctuation as ASCII', () => {
    expect(asciiFold('Đảng bộ phường Pú Trạng')).toBe('Dang bo phuong Pu Trang');
    expect(asciiFold('Điều lệ Đảng, Điều 24 – “Ủy ban kiểm tra”…')).toBe('Dieu le Dang, Dieu 24 - "Uy ban kiem tra"...');
    // Decomposed input (NFD) folds the same way.
    expect(asciiFold('Chi bộ tổ dân phố 5'.normalize('NFD'))).toBe('Chi bo to dan pho 5');
    expect(asciiFold('a\nb\tc 中')).toBe('a b c');
  });
});

describe('notificationsFor: the body', () => {
  it('Vietnamese first, with diacritics in NFC: heading, message, citation, deadline; then the English part', () => {
    const { body } = one(violation);
    expect(body.normalize('NFC')).toBe(body);
    expect(body).toBe(
      [
        'Vi phạm',
        'Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026 (Điều lệ Đảng, Điều 24)',
        'Căn cứ: Điều lệ Đảng, Điều 24 (19/1/2011)',
        'Hạn: 28/02/2026 23:59',
        '',
        '-'.repeat(40),
        '',
        'Violation',
        'Chi bộ tổ dân phố 5 held no regular meeting in 02/2026 (Party Charter, Art. 24)',
        'Source: Điều lệ Đảng, Điều 24 (19/1/2011)',
        'Due: 28/02/2026 23:59 (Vietnam time, UTC+7)',
      ].join('\n'),
    );
    const firstLine = body.split('\n')[0]!;
    expect(firstLine).toMatch(VIETNAMESE_LETTER);
    expect(body.indexOf('Violation')).toBeGreaterThan(body.lastIndexOf('Hạn:'));
  });

  it('headings by kind: Nhắc nhở, Vi phạm, Cảnh báo, Đã rút lại', () => {
    expect(one(reminder).body.split('\n')[0]).toBe('Nhắc nhở');
    expect(one(violation).body.split('\n')[0]).toBe('Vi phạm');
    expect(one(alert).body.split('\n')[0]).toBe('Cảnh báo');
    expect(one(violation, 'withdrawn').body.split('\n')[0]).toBe('Đã rút lại: Vi phạm');
  });

  it('NFC even when the finding arrives decomposed', () => {
    const nfd: Finding = { ...violation, message: { vi: violation.message.vi.normalize('NFD'), en: violation.message.en }, citation: violation.citation.normalize('NFD') };
    const { body } = one(nfd);
    expect(body.normalize('NFC')).toBe(body);
    expect(body).toContain('Căn cứ: Điều lệ Đảng, Điều 24 (19/1/2011)');
  });

  it('an alert has no deadline, and names the meetings concerned in both languages', () => {
    const { body } = one(alert);
    expect(body).not.toContain('Hạn:');
    expect(body).not.toContain('Due:');
    expect(body).toContain('Căn cứ: Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)\nBuổi sinh hoạt liên quan: TDP2-01\n');
    expect(body.endsWith('Source: Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương, 6/7/2018)\nMeetings concerned: TDP2-01')).toBe(true);
  });

  it('a withdrawal says the earlier notice no longer holds and why, in both languages, without a deadline', () => {
    const { body } = one(violation, 'withdrawn');
    expect(body).toBe(
      [
        'Đã rút lại: Vi phạm',
        'Thông báo trước đây nay không còn hiệu lực: Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026 (Điều lệ Đảng, Điều 24)',
        'Lý do: biên bản ghi nhận muộn cho thấy nghĩa vụ đã được đáp ứng.',
        'Căn cứ: Điều lệ Đảng, Điều 24 (19/1/2011)',
        '',
        '-'.repeat(40),
        '',
        'Withdrawn: Violation',
        'The earlier notice no longer holds: Chi bộ tổ dân phố 5 held no regular meeting in 02/2026 (Party Charter, Art. 24)',
        'Why: a record received late shows the obligation was met.',
        'Source: Điều lệ Đảng, Điều 24 (19/1/2011)',
      ].join('\n'),
    );
    expect(one(alert, 'withdrawn').body).toContain('\nLý do: biên bản buổi sinh hoạt đã được sửa hoặc rút lại.\n');
    expect(one(alert, 'withdrawn').body).toContain('\nWhy: the meeting record was corrected or retracted.\n');
    expect(one(reminder, 'withdrawn').body).toContain('\nLý do: buổi sinh hoạt đã được ghi nhận, nghĩa vụ nay đã được đáp ứng.\n');
  });

  it('deadlines are written in Vietnam time, whatever offset they carry', () => {
    expect(describeDeadline('2026-02-28T23:59:59+07:00')).toBe('28/02/2026 23:59');
    expect(describeDeadline('2026-03-31T16:59:59Z')).toBe('31/03/2026 23:59');
    expect(describeDeadline('2026-03-31T17:05:00Z')).toBe('01/04/2026 00:05');
  });
});

describe('notificationKey', () => {
  it('is stable over kind, rule, subject, period, stage and recipient, and ignores the wording', () => {
    const k = notificationKey(violation, 'raised', 'S-TDP5');
    expect(k).toBe('violation|dieu-le/monthly-regular-meeting|cell:LC.NL.TDP5|2026-02|raised|S-TDP5');
    const reworded: Finding = { ...violation, message: { vi: 'x', en: 'y' }, citation: 'z', evidence: ['mt-1'], dueBy: null };
    expect(notificationKey(reworded, 'raised', 'S-TDP5')).toBe(k);
  });

  it('differs when any part differs', () => {
    const k = notificationKey(violation, 'raised', 'S-TDP5');
    const others = [
      notificationKey(violation, 'withdrawn', 'S-TDP5'),
      notificationKey(violation, 'raised', 'ubkt:LC.NL'),
      notificationKey({ ...violation, kind: 'reminder' }, 'raised', 'S-TDP5'),
      notificationKey({ ...violation, ruleId: 'dieu-le/quarterly-thematic-meeting' }, 'raised', 'S-TDP5'),
      notificationKey({ ...violation, subject: { type: 'unit', id: 'LC.NL.TDP5' } }, 'raised', 'S-TDP5'),
      notificationKey({ ...violation, subject: { type: 'cell', id: 'LC.NL.TDP2' } }, 'raised', 'S-TDP5'),
      notificationKey({ ...violation, period: '2026-03' }, 'raised', 'S-TDP5'),
    ];
    expect(new Set([k, ...others]).size).toBe(others.length + 1);
  });

  it('a "|" inside a part cannot make two keys collide', () => {
    const a = notificationKey({ ...violation, ruleId: 'r|x' }, 'raised', 'S');
    const b = notificationKey({ ...violation, ruleId: 'r' }, 'raised', 'x|S');
    expect(a).not.toBe(b);
  });
});
