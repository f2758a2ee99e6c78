/**
 * The example rows of the contacts template (docs/templates/contacts.xlsx and
 * csv/contacts.csv): recipients of the shipped example org (examples/yen-bai-q1),
 * with addresses that reach no one (example.vn, +849000000xx). They are
 * written as people fill the sheet in, Vietnamese words and all.
 */
import type { TemplateRow } from './contact-workbook.ts';

export const TEMPLATE_CONTACTS: readonly TemplateRow[] = [
  {
    recipient: 'L-xa',
    name: 'Nguyễn Văn Mẫu',
    email: 'ten@example.vn',
    phone: '+84900000001',
    zalo: '0900000001',
    channels: 'email, zalo',
    digest: 'ngay lập tức',
    language: 'vi',
  },
  {
    recipient: 'ubkt:LC.NL',
    name: 'Ủy ban kiểm tra Đảng ủy phường Nghĩa Lộ',
    email: 'ubkt@example.vn',
    phone: '+84900000002',
    channels: 'email, sms',
    digest: 'hằng ngày',
    language: 'vi',
  },
];
