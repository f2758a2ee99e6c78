/** The page's words, Vietnamese first; the switch in the header changes `lang` and re-renders. */
import type { HeatStatus } from '../../shared/contract/dashboard.ts';

export type Lang = 'vi' | 'en';

const WORDS = {
  title: { vi: 'Giám sát sinh hoạt chi bộ', en: 'Party cell meeting monitor' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  period: { vi: 'Kỳ', en: 'Period' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  views: { vi: 'Các trang', en: 'Views' },
  heatmap: { vi: 'Bản đồ tuân thủ', en: 'Compliance heatmap' },
  quotas: { vi: 'Định mức lãnh đạo', en: 'Leader quotas' },
  inbox: { vi: 'Hộp thư vi phạm', en: 'Violations inbox' },
  kpis: { vi: 'Chỉ tiêu (Đề án 11)', en: 'KPIs (Đề án 11)' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  legend: { vi: 'Chú giải', en: 'Legend' },
  collapse: { vi: 'Thu gọn', en: 'Collapse' },
  expand: { vi: 'Mở rộng', en: 'Expand' },
  heatmapCaption: { vi: 'Tình trạng sinh hoạt của từng chi bộ theo tháng; chọn một ô để xem chi tiết', en: 'Each cell’s meetings by month; choose a square for the details' },
  detail: { vi: 'Chi tiết', en: 'Details' },
  meetings: { vi: 'Buổi sinh hoạt', en: 'Meetings' },
  noMeetings: { vi: 'Không có buổi sinh hoạt nào trong kỳ.', en: 'No meetings in the period.' },
  heldAt: { vi: 'Ngày giờ', en: 'Held at' },
  kind: { vi: 'Loại', en: 'Kind' },
  attendance: { vi: 'Dự họp', en: 'Attendance' },
  excusedMembers: { vi: 'Vắng có lý do', en: 'Excused absences' },
  findings: { vi: 'Phát hiện', en: 'Findings' },
  noFindings: { vi: 'Không có phát hiện nào.', en: 'No findings.' },
  evidence: { vi: 'Căn cứ (buổi sinh hoạt được tính)', en: 'Evidence (meetings that counted)' },
  noEvidence: { vi: 'không có buổi nào được tính', en: 'no meeting counted' },
  obligations: { vi: 'Nghĩa vụ', en: 'Obligations' },
  close: { vi: 'Đóng', en: 'Close' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  noLeaders: { vi: 'Không có lãnh đạo nào có định mức trong phạm vi.', en: 'No leader with quotas in scope.' },
  noObligations: { vi: 'Không có định mức nào trong kỳ.', en: 'No quota in the period.' },
  missing: { vi: 'còn thiếu', en: 'still owed:' },
  done: { vi: 'đã đủ', en: 'done' },
  daysLeft: { vi: 'còn {n} ngày', en: '{n} days left' },
  overdue: { vi: 'đã hết hạn', en: 'past the deadline' },
  rule: { vi: 'Quy định', en: 'Rule' },
  all: { vi: 'Tất cả', en: 'All' },
  status: { vi: 'Trạng thái', en: 'Status' },
  message: { vi: 'Nội dung', en: 'Message' },
  actions: { vi: 'Xử lý', en: 'Actions' },
  history: { vi: 'Lịch sử', en: 'History' },
  acknowledge: { vi: 'Ghi nhận', en: 'Acknowledge' },
  excuse: { vi: 'Miễn trừ', en: 'Excuse' },
  reason: { vi: 'Lý do miễn trừ', en: 'Reason for the excuse' },
  confirmExcuse: { vi: 'Xác nhận miễn trừ', en: 'Confirm the excuse' },
  open: { vi: 'Chưa xử lý', en: 'Open' },
  acknowledged: { vi: 'Đã ghi nhận', en: 'Acknowledged' },
  excused: { vi: 'Đã miễn trừ', en: 'Excused' },
  acknowledgedBy: { vi: 'Ghi nhận bởi {by} lúc {at}', en: 'Acknowledged by {by} at {at}' },
  excusedBy: { vi: 'Miễn trừ bởi {by} lúc {at}: {reason}', en: 'Excused by {by} at {at}: {reason}' },
  noViolations: { vi: 'Không có vi phạm nào khớp bộ lọc.', en: 'No violation matches the filters.' },
  filters: { vi: 'Bộ lọc', en: 'Filters' },
  kindViolation: { vi: 'vi phạm', en: 'violation' },
  kindAlert: { vi: 'cảnh báo', en: 'alert' },
  kindReminder: { vi: 'nhắc nhở', en: 'reminder' },
  subject: { vi: 'Đối tượng', en: 'Subject' },
  exportCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  exportXlsx: { vi: 'Tải XLSX', en: 'Download XLSX' },
  leadersOwing: { vi: 'Lãnh đạo chưa đạt định mức', en: 'Leaders still owing' },
  visitsOwed: { vi: 'còn thiếu {n} lần dự sinh hoạt', en: '{n} visits still owed' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  token: { vi: 'Mã truy cập (token)', en: 'Access token' },
  signInHint: { vi: 'Trang cần mã truy cập của bạn để gọi API.', en: 'The page needs your access token to call the API.' },
  error: { vi: 'Lỗi', en: 'Error' },
  asOf: { vi: 'Số liệu đến {at}', en: 'Figures as of {at}' },
  deliveries: { vi: 'Thông báo đã gửi', en: 'Notices sent' },
  deliveriesUnavailable: { vi: 'Không tải được nhật ký gửi thông báo', en: 'The delivery log could not be loaded' },
  committeeOf: { vi: 'UBKT {unit}', en: 'Inspection committee, {unit}' },
  deliverySent: { vi: 'đã gửi qua {channel} {at}', en: 'sent by {channel} {at}' },
  deliverySentNoChannel: { vi: 'đã gửi {at}', en: 'sent {at}' },
  deliveryInDigest: { vi: 'trong bản tin hằng ngày', en: 'in the daily digest' },
  deliverySending: { vi: 'đang gửi qua {channel}', en: 'sending by {channel}' },
  deliverySendingNoChannel: { vi: 'đang gửi', en: 'sending' },
  deliveryFailed: { vi: 'lỗi {channel}: {reason}', en: '{channel} failed: {reason}' },
  deliveryFailedNoChannel: { vi: 'lỗi: {reason}', en: 'failed: {reason}' },
  deliveryWaiting: { vi: 'chờ bản tin hằng ngày', en: 'waiting for the daily digest' },
  deliveryUndeliverable: { vi: 'không gửi được qua {channel}: {reason}', en: 'undeliverable by {channel}: {reason}' },
  deliveryUndeliverableNoChannel: { vi: 'không gửi được: {reason}', en: 'undeliverable: {reason}' },
  deliveryWithdrawn: { vi: 'thông báo rút lại', en: 'withdrawal' },
  deliveryNone: { vi: 'chưa gửi', en: 'not sent yet' },
  linkedFinding: { vi: 'Phát hiện được liên kết', en: 'The linked finding' },
  linkedFindingMissing: { vi: 'Không thấy phát hiện được liên kết trong phạm vi của bạn (có thể đã được rút lại).', en: 'The linked finding is not in your scope (it may have been withdrawn).' },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

export const STATUS_WORDS: Record<HeatStatus, { vi: string; en: string; symbol: string }> = {
  met: { vi: 'Đạt', en: 'Met', symbol: '✓' },
  reminder: { vi: 'Nhắc nhở', en: 'Reminder', symbol: '!' },
  violation: { vi: 'Vi phạm', en: 'Violation', symbol: '✗' },
  excused: { vi: 'Được miễn', en: 'Excused', symbol: '≈' },
  open: { vi: 'Đang mở', en: 'Open', symbol: '…' },
  future: { vi: 'Chưa đến', en: 'Not begun', symbol: '·' },
  inactive: { vi: 'Không hoạt động', en: 'Inactive', symbol: '–' },
};

export const MEETING_KINDS: Record<string, { vi: string; en: string }> = {
  regular: { vi: 'thường kỳ', en: 'regular' },
  thematic: { vi: 'chuyên đề', en: 'thematic' },
  combined: { vi: 'thường kỳ và chuyên đề', en: 'regular and thematic' },
  extraordinary: { vi: 'bất thường', en: 'extraordinary' },
  committee: { vi: 'cấp ủy', en: 'committee' },
  cell_committee: { vi: 'chi ủy', en: 'cell committee' },
};

let current: Lang = 'vi';
export const lang = (): Lang => current;
export function setLang(l: Lang): void {
  current = l;
  document.documentElement.lang = l;
}

export function t(word: Word, values: Record<string, string | number> = {}): string {
  return WORDS[word][current].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
