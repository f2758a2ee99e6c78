/** The directory the contacts templates of docs/templates hold, in the contract's form (cli/contact-template.ts writes them). */
import type { ContactDirectory } from '../../shared/contract/contacts.ts';

export const TEMPLATE_DIRECTORY: ContactDirectory = {
  contacts: [
    { recipient: 'L-xa', name: 'Nguyễn Văn Mẫu', email: 'ten@example.vn', phone: '+84900000001', zalo: '+84900000001', channels: ['email', 'zalo'], digest: 'immediate', language: 'vi' },
    { recipient: 'ubkt:LC.NL', name: 'Ủy ban kiểm tra Đảng ủy phường Nghĩa Lộ', email: 'ubkt@example.vn', phone: '+84900000002', channels: ['email', 'sms'], digest: 'daily', language: 'vi' },
  ],
};
