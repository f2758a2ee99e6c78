/**
 * The server's refusals put next to the field they name, in the page's
 * language: POST /events answers `{errors: [{index, path, message}]}` with
 * the contract's paths ("endedAt", "attendance.3.status",
 * "quality.scores.preparation") and English messages; the ones it is known to
 * give are said in Vietnamese, any other is shown as the server wrote it.
 */
import type { FieldIssue } from './api.ts';
import { lang } from './i18n.ts';

/** A field of the form: the id of its control (or group) and of the line under it. */
export type FieldKey = string;

/** The form's field for a contract path; attendance paths name the member by their place in the list sent. */
export function fieldOf(path: string, attendanceIds: readonly string[]): FieldKey {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'unitId':
      return 'unit';
    case 'kind':
      return 'kind';
    case 'heldAt':
    case 'recordedAt':
      return 'start';
    case 'endedAt':
      return 'end';
    case 'topic':
      return 'topic';
    case 'speakerCount':
      return 'speakers';
    case 'resolutionIssued':
      return 'resolution';
    case 'visitingLeaderIds':
      return 'leaders';
    case 'attendance': {
      const id = second === undefined ? undefined : attendanceIds[Number(second)];
      return id === undefined ? 'attendance' : `member-${id}`;
    }
    case 'quality':
      return second === 'scores' && third ? `q-${third}` : 'sheet';
    default:
      return 'form';
  }
}

const VI: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/endedAt must be after heldAt/, () => 'Giờ kết thúc phải sau giờ bắt đầu.'],
  [/more than 24 hours/, () => 'Một buổi sinh hoạt không kéo dài quá 24 giờ.'],
  [/recordedAt is before heldAt/, () => 'Giờ bắt đầu chưa đến: chỉ ghi biên bản sau khi đã họp.'],
  [/a leader is listed twice/, () => 'Một lãnh đạo được chọn hai lần.'],
  [/is listed twice/, () => 'Đảng viên này có tên hai lần.'],
  [/is not a member of unit/, () => 'Không phải đảng viên của chi bộ này.'],
  [/unknown leader/, () => 'Lãnh đạo không thuộc tỉnh của chi bộ.'],
  [/unknown unit/, () => 'Không có chi bộ này.'],
  [/at most (\d+(?:\.\d+)?) points/, (m) => `Tối đa ${m[1]} điểm.`],
  [/scores .* meetings, not/, () => 'Phiếu chấm điểm này không dùng cho loại sinh hoạt đã chọn.'],
  [/unknown score sheet/, () => 'Không có phiếu chấm điểm này.'],
  [/must not be empty/, () => 'Không được để trống.'],
  [/control or invisible characters/, () => 'Có ký tự điều khiển hoặc ký tự ẩn; hãy gõ lại.'],
  [/outside|scope|not in your/i, () => 'Bạn không có quyền ghi biên bản cho đơn vị này.'],
  [/unknown meeting/, () => 'Không tìm thấy biên bản này trên máy chủ.'],
  [/expected.*(instant|date)/i, () => 'Ngày giờ không hợp lệ.'],
  [/Too small|>=|greater than or equal/i, () => 'Giá trị quá nhỏ.'],
  [/Too big|<=|less than or equal/i, () => 'Giá trị quá lớn.'],
  [/expected (number|int)/i, () => 'Cần một số nguyên.'],
];

/** The message in the page's language. */
export function issueText(message: string): string {
  if (lang() === 'en') return message;
  for (const [re, say] of VI) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return `Máy chủ từ chối: ${message}`;
}

/** Field → the messages for it, from a 400's issues (or a 403's error, which names the unit). */
export function fieldErrors(issues: readonly FieldIssue[], attendanceIds: readonly string[]): Map<FieldKey, string[]> {
  const out = new Map<FieldKey, string[]>();
  for (const issue of issues) {
    const key = fieldOf(issue.path, attendanceIds);
    out.set(key, [...(out.get(key) ?? []), issueText(issue.message)]);
  }
  return out;
}
