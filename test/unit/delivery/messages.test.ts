/** What people read: the e-mail of a notice, the SMS and the ZNS fields (no member names), the digest, the contact's validation. */
import { describe, expect, it } from 'vitest';
import { Contact, ContactDirectory } from '../../../shared/contract/contacts.ts';
import type { Finding } from '../../../shared/contract/findings.ts';
import { countOpen, digestEmail, digestSms, openNotices } from '../../../shared/delivery/digest.ts';
import { noticeEmail } from '../../../shared/delivery/email-message.ts';
import { redact } from '../../../shared/delivery/redact.ts';
import { noticeSms, noticeZalo, SMS_LENGTH, ZNS_FIELD_LENGTH } from '../../../shared/delivery/short-message.ts';
import type { HeldNotice } from '../../../shared/ports/delivery-log.ts';

const leaderViolation: Finding = {
  kind: 'reminder',
  ruleId: 'yb-qd18/commune-monthly',
  subject: { type: 'leader', id: 'L-xa' },
  period: '2026-03',
  dueBy: '2026-03-31T23:59:59+07:00',
  missing: { meetings: 1 },
  evidence: [],
  recipients: ['L-xa', 'ubkt:LC.NL'],
  message: { vi: 'Đồng chí Hà Văn Xã còn thiếu 1 lần dự sinh hoạt tháng 03/2026 (Quy định 18-QĐ/TU)', en: 'Hà Văn Xã still owes 1 visit in 03/2026 (Regulation 18-QĐ/TU)' },
  citation: 'Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)',
};
const absence: Finding = {
  kind: 'alert',
  ruleId: 'dieu-le/member-unexcused-absence',
  subject: { type: 'member', id: 'TDP2-5' },
  period: '2026',
  dueBy: null,
  missing: {},
  evidence: ['TDP2-01', 'TDP2-02', 'TDP2-03'],
  recipients: ['S-TDP2', 'ubkt:LC.NL'],
  message: { vi: 'Đảng viên Vì Văn Tuấn (Chi bộ tổ dân phố 2) vắng sinh hoạt 3 tháng (Điều lệ Đảng, Điều 8)', en: 'Member Vì Văn Tuấn missed 3 months (Party Charter, Art. 8)' },
  citation: 'Điều lệ Đảng, Điều 8 (19/1/2011)',
};
const contact = Contact.parse({ recipient: 'L-xa', name: 'Hà Văn Xã', email: 'xa@example.vn', channels: ['email'], digest: 'immediate' });

describe('the e-mail of a notice', () => {
  it('has the Vietnamese subject of the issue, with diacritics, NFC, and the English after the Vietnamese', () => {
    const m = noticeEmail(leaderViolation, 'raised', contact as typeof contact & { email: string }, { publicUrl: 'https://chibo.example.vn/' });
    expect(m.subject).toBe('[Nhắc nhở] Đồng chí Hà Văn Xã còn thiếu 1 lần dự sinh hoạt tháng 03/2026');
    expect(m.subject).toBe(m.subject.normalize('NFC'));
    expect(m.text.indexOf('Căn cứ: Quy định 18-QĐ/TU')).toBeGreaterThan(0);
    expect(m.text.indexOf('Kính gửi')).toBeLessThan(m.text.indexOf('Dear'));
    expect(m.text).toContain('Hạn: 31/03/2026 23:59');
    expect(m.text).toContain('https://chibo.example.vn/?view=inbox&finding=reminder%7Cyb-qd18%2Fcommune-monthly%7Cleader%3AL-xa%7C2026-03');
    expect(m.html).toContain("<a href=\"https://chibo.example.vn/?view=inbox&#38;finding=reminder%7Cyb-qd18");
  });

  it('puts English first for a contact whose language is en, and escapes what it quotes in HTML', () => {
    const en = { ...contact, name: 'A <b>&', language: 'en' as const, email: 'xa@example.vn' };
    const m = noticeEmail(leaderViolation, 'raised', en, {});
    expect(m.subject).toBe('[Reminder] Hà Văn Xã still owes 1 visit in 03/2026');
    expect(m.text.indexOf('Dear')).toBeLessThan(m.text.indexOf('Kính gửi'));
    expect(m.html).toContain('A &#60;b&#62;&#38;');
    expect(m.html).not.toContain('<b>');
  });
});

describe('the SMS and the ZNS fields of a notice', () => {
  it('are short, ASCII for SMS, cite the rule, and carry no member name', () => {
    const sms = noticeSms(absence, 'raised', '+84900000001', 'vi');
    expect(sms.text.length).toBeLessThanOrEqual(SMS_LENGTH);
    expect(sms.text).toMatch(/^[\x20-\x7E]+$/);
    expect(sms.text).toBe('[Canh bao] Dang vien TDP2-5, nam 2026: Dang vien bo sinh hoat chi bo ba thang trong nam khong co ly do chinh dang. Dieu le Dang, Dieu 8');
    expect(sms.text).not.toContain('Tuan');
    const zns = noticeZalo(leaderViolation, 'raised', '+84900000001', '301', 'track-1', 'vi');
    expect(zns.data).toEqual({ kind: 'Nhắc nhở', subject: 'Đồng chí L-xa', period: 'tháng 03/2026', missing: 'thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư', due: '31/03/2026', rule: 'Quy định 18-QĐ/TU' });
    for (const v of Object.values(zns.data)) expect(v.length).toBeLessThanOrEqual(ZNS_FIELD_LENGTH);
    expect(JSON.stringify(zns)).not.toContain('Hà Văn Xã');
  });

  it('names a meeting by its cell and date, and says a withdrawal is met', () => {
    const meeting: Finding = { ...absence, ruleId: 'dieu-le/attendance-rate', subject: { type: 'meeting', id: 'TDP2-01' }, period: '2026-01', missing: { presentMembers: 1 } };
    expect(noticeSms(meeting, 'raised', '+84900000001', 'en', 'Chi bộ tổ dân phố 2, buổi 08/01/2026').text).toBe('[Alert] Chi bo to dan pho 2, buoi 08/01/2026, 01/2026: missing 1 member(s) present. Guidance 12-HD/BTCTW');
    expect(noticeSms(meeting, 'withdrawn', '+84900000001', 'vi').text).toMatch(/^\[Da rut lai: Canh bao\] Buoi sinh hoat TDP2-01, thang 01\/2026: nay da dap ung\./);
  });
});

describe('the digest', () => {
  const now = Date.parse('2026-04-05T07:00:00+07:00');
  const held = (finding: Finding, raisedAt: number, withdrawnAt: number | null = null): HeldNotice => ({ finding, raisedAt, withdrawnAt });
  const violation: Finding = { ...leaderViolation, kind: 'violation', period: '2026-02', dueBy: '2026-02-28T23:59:59+07:00' };

  it('lists open violations, reminders before their deadline, the alerts of the last day; nothing withdrawn or raised later', () => {
    const open = openNotices(
      [
        held(violation, now - 30 * 86_400_000),
        held({ ...violation, period: '2026-01' }, now - 60 * 86_400_000, now - 86_400_000),
        held(leaderViolation, now - 86_400_000),
        held({ ...leaderViolation, period: '2026-04', dueBy: '2026-04-30T23:59:59+07:00' }, now - 3600_000),
        held(absence, now - 3600_000),
        held({ ...absence, subject: { type: 'member', id: 'X' } }, now - 2 * 86_400_000),
        held({ ...absence, subject: { type: 'member', id: 'Y' } }, now + 1),
      ],
      now,
    );
    expect(open.violation.map((h) => h.finding.period)).toEqual(['2026-02']);
    expect(open.reminder.map((h) => h.finding.period)).toEqual(['2026-04']);
    expect(open.alert.map((h) => h.finding.subject.id)).toEqual(['TDP2-5']);
    expect(countOpen(open)).toBe(3);
    const c = { ...contact, email: 'xa@example.vn' };
    const m = digestEmail(open, '2026-04-05', c, {});
    expect(m.subject).toBe('[Bản tin ngày 05/04/2026] 1 vi phạm, 1 nhắc nhở, 1 cảnh báo');
    expect(m.text).toMatch(/Vi phạm \(1\)\n• Đồng chí Hà Văn Xã còn thiếu 1 lần dự sinh hoạt tháng 03\/2026 — Kỳ: tháng 02\/2026 · Hạn: 28\/02\/2026 · Nội dung: thiếu 1 lần dự sinh hoạt với chi bộ khu dân cư · Căn cứ: Quy định 18-QĐ\/TU/);
    expect(digestSms(open, '2026-04-05', '+84900000001', 'vi').text).toBe('[Ban tin ngay 05/04/2026] 1 vi pham, 1 nhac nho, 1 canh bao. Chi tiet tren bang theo doi.');
  });
});

describe('a contact', () => {
  it('needs the address of each of its channels, named by field; a recipient listed twice is named by index', () => {
    const r = ContactDirectory.safeParse({ contacts: [{ recipient: 'L-xa', name: 'X', channels: ['sms', 'zalo'], digest: 'daily' }, { recipient: 'L-xa', name: 'Y', email: 'y@example.vn', channels: ['email'], digest: 'immediate' }] });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('contacts.0.phone: channel "sms" needs a phone number in "phone"');
    expect(issues).toContain('contacts.0.zalo: channel "zalo" needs a phone number in "zalo"');
    expect(issues).toContain('contacts.1.recipient: recipient "L-xa" is already listed at contacts.0');
  });

  it('takes phones in E.164 (+84), and refuses the local form without saying the number back', () => {
    const r = Contact.safeParse({ recipient: 'L-xa', name: 'X', phone: '0912345678', channels: ['sms'], digest: 'daily' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).not.toContain('0912345678');
    expect(Contact.parse({ recipient: 'L-xa', name: 'X', phone: '+84912345678', channels: ['sms'], digest: 'daily' }).language).toBe('vi');
  });
});

describe('redaction', () => {
  it('takes addresses and phone numbers out of a channel’s words, and leaves codes and dates', () => {
    expect(redact('550 5.1.1 <ha.van.xa@yb.gov.vn>: Recipient address rejected')).toBe('550 5.1.1 <<address>>: Recipient address rejected');
    expect(redact('to +84912345678 or 0912 345 678 at 2026-04-05 12:00: 429')).toBe('to <phone> or <phone> at 2026-04-05 12:00: 429');
  });
});
