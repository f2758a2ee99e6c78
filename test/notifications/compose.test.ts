import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/contract/findings.ts';
import { asciiFold, notificationsFor } from '../../shared/notifications/compose.ts';
import { notificationKey } from '../../shared/notifications/dedup-key.ts';

const violation: Finding = {
  kind: 'violation',
  ruleId: 'dieu-le/monthly-regular-meeting',
  subject: { type: 'cell', id: 'LC.NL.TDP5' },
  period: '2026-02',
  dueBy: '2026-02-28T23:59:59+07:00',
  missing: { regularMeetings: 1 },
  evidence: [],
  recipients: ['S-TDP5', 'ubkt:LC.NL'],
  message: { vi: 'Chi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026 (Điều lệ Đảng, Điều 24)', en: 'Chi bộ tổ dân phố 5 held no regular meeting in 02/2026 (Party Charter, Art. 24)' },
  citation: 'Điều lệ Đảng (19/1/2011), Điều 24',
};
const where = { provinceId: 'LC', unitId: 'LC.NL.TDP5' };

describe('notificationsFor', () => {
  it('one message per recipient, on the violations topic, with the attributes subscribers filter on', () => {
    const ns = notificationsFor(violation, 'raised', where);
    expect(ns.map((n) => n.topic)).toEqual(['violations', 'violations']);
    expect(ns.map((n) => n.attributes)).toEqual([
      { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', recipientId: 'S-TDP5', provinceId: 'LC', unitId: 'LC.NL.TDP5', period: '2026-02' },
      { kind: 'violation', ruleId: 'dieu-le/monthly-regular-meeting', recipientId: 'ubkt:LC.NL', provinceId: 'LC', unitId: 'LC.NL.TDP5', period: '2026-02' },
    ]);
  });

  it('a reminder goes to the reminders topic', () => {
    const [n] = notificationsFor({ ...violation, kind: 'reminder', recipients: ['S-TDP5'] }, 'raised', where);
    expect(n!.topic).toBe('reminders');
    expect(n!.attributes.kind).toBe('reminder');
  });

  it('the body is Vietnamese first, in NFC with diacritics, then English, and cites the rule', () => {
    const [n] = notificationsFor(violation, 'raised', where);
    const body = n!.body;
    expect(body.normalize('NFC')).toBe(body);
    expect(body.startsWith('Vi phạm.\nChi bộ tổ dân phố 5 chưa sinh hoạt thường kỳ tháng 02/2026')).toBe(true);
    expect(body).toContain('Căn cứ: Điều lệ Đảng (19/1/2011), Điều 24.');
    expect(body).toContain('Hạn: 28/02/2026.');
    expect(body.indexOf('Violation.')).toBeGreaterThan(body.indexOf('Căn cứ'));
    expect(body).toContain('Source: Điều lệ Đảng (19/1/2011), Điều 24.');
  });

  it('the subject is ASCII (SNS requires it), under 100 characters, even for long names', () => {
    const long = { ...violation, message: { ...violation.message, vi: `Chi bộ ${'thôn Đồng Tâm '.repeat(20)}` } };
    for (const f of [violation, long]) {
      const [n] = notificationsFor(f, 'raised', where);
      expect(n!.subject).toMatch(/^[\x20-\x7E]+$/);
      expect(n!.subject.length).toBeLessThan(100);
    }
    expect(notificationsFor(violation, 'raised', where)[0]!.subject).toBe('[Vi pham / Violation] Chi bo to dan pho 5 chua sinh hoat thuong ky thang 02/2026 (Dieu le Dang, Dieu 24)'.slice(0, 98) + '~');
  });

  it('a withdrawal says the earlier notice no longer holds, in both languages, on the topic of the finding', () => {
    const [n] = notificationsFor(violation, 'withdrawn', where);
    expect(n!.topic).toBe('violations');
    expect(n!.attributes.kind).toBe('withdrawn');
    expect(n!.body).toContain('Thông báo trước đây nay không còn hiệu lực: Chi bộ tổ dân phố 5');
    expect(n!.body).toContain('The earlier notice no longer holds:');
  });

  it('asciiFold strips diacritics and đ', () => {
    expect(asciiFold('Đảng bộ phường Pú Trạng')).toBe('Dang bo phuong Pu Trang');
  });

  it('notification keys differ by stage and recipient, and not by wording', () => {
    const k = notificationKey(violation, 'raised', 'S-TDP5');
    const reworded: Finding = { ...violation, message: { vi: 'x', en: 'y' } };
    expect(notificationKey(reworded, 'raised', 'S-TDP5')).toBe(k);
    expect(notificationKey(violation, 'withdrawn', 'S-TDP5')).not.toBe(k);
    expect(notificationKey(violation, 'raised', 'ubkt:LC.NL')).not.toBe(k);
  });
});
