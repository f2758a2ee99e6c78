/**
 * Vietnamese names for the synthetic province: people (họ, tên đệm, tên) and
 * places. Lists mix Kinh names with the Tày, Thái, Mường, Dao and H'Mông
 * family names common in the northern mountain provinces, so that names carry
 * the full range of diacritics the NFC handling must survive.
 */
import type { Rng } from './rng.ts';

const FAMILY = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Đinh',
  'Hà', 'Lò', 'Vì', 'Lường', 'Sầm', 'Cầm', 'Triệu', 'Bàn', 'Giàng', 'Sùng', 'Mùa', 'Thào', 'Nông', 'Quách', 'Lục',
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Mạnh', 'Tiến', 'Ngọc', 'A'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Hồng', 'Kim', 'Bích', 'Diệu'];
const GIVEN_MALE = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong',
  'Quân', 'Sơn', 'Thắng', 'Thành', 'Trung', 'Tuấn', 'Việt', 'Vĩnh', 'Khải', 'Lực', 'Chứ', 'Páo', 'Thưởng', 'Nghĩa',
];
const GIVEN_FEMALE = [
  'Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai',
  'Nga', 'Nguyệt', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Xuân', 'Yến', 'Ánh',
];

/** A full name in NFC: "Lò Thị Hạnh", "Giàng A Páo". */
export function personName(rng: Rng): string {
  const female = rng.chance(0.4);
  const middle = rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${rng.pick(FAMILY)} ${middle} ${given}`.normalize('NFC');
}

const PLACE_FIRST = ['Tân', 'An', 'Phú', 'Hòa', 'Bình', 'Mường', 'Nậm', 'Khau', 'Pá', 'Nà', 'Suối', 'Cát', 'Đồng', 'Yên', 'Hưng', 'Vĩnh', 'Lâm', 'Thạch', 'Trấn', 'Minh', 'Phúc', 'Púng', 'Tú', 'Gia', 'Quy'];
const PLACE_SECOND = ['Thịnh', 'Lộc', 'Sơn', 'Hội', 'Lai', 'Luông', 'Phàng', 'Khương', 'Xuân', 'Hợp', 'Thành', 'Giang', 'Lệ', 'Mỹ', 'Tiến', 'Bằng', 'Chải', 'Mông', 'Hạnh', 'Đức', 'Quang', 'Nguyên', 'Cường', 'Lương', 'Tuấn'];

/** `count` distinct two-syllable place names ("Mường Lai", "Tân Thịnh"). */
export function placeNames(rng: Rng, count: number): string[] {
  const all = PLACE_FIRST.flatMap((a) => PLACE_SECOND.filter((b) => b !== a).map((b) => `${a} ${b}`.normalize('NFC')));
  const names = rng.sample(all, count);
  // Past the 600 or so pairs, number the repeats: a huge --cells run still gets unique, readable names.
  for (let i = names.length; i < count; i++) names.push(`${all[i % all.length]} ${Math.floor(i / all.length) + 1}`);
  return names;
}

/** What a residential cell is called: thôn and bản in communes, tổ dân phố in wards. */
export function residentialName(rng: Rng, ward: boolean, n: number): string {
  if (ward) return `Chi bộ tổ dân phố ${n}`;
  return rng.chance(0.5) ? `Chi bộ thôn ${rng.pick(PLACE_FIRST)} ${rng.pick(PLACE_SECOND)}`.normalize('NFC') : `Chi bộ bản ${n}`;
}

export const AGENCY_CELLS = ['Chi bộ Cơ quan Đảng ủy', 'Chi bộ Ủy ban nhân dân', 'Chi bộ Mặt trận Tổ quốc và các đoàn thể', 'Chi bộ Công an', 'Chi bộ Quân sự'];
export const PUBLIC_SERVICE_CELLS = ['Chi bộ Trường Mầm non', 'Chi bộ Trường Tiểu học', 'Chi bộ Trường THCS', 'Chi bộ Trạm Y tế', 'Chi bộ Trường PTDT bán trú'];
export const ENTERPRISE_CELLS = ['Chi bộ Hợp tác xã Nông nghiệp', 'Chi bộ Công ty TNHH Chè', 'Chi bộ Công ty Cổ phần Lâm sản', 'Chi bộ Quỹ tín dụng nhân dân'];

export const EXEMPTION_REASONS = ['tuổi cao, sức yếu', 'ốm đau dài ngày', 'đi làm ăn xa, được chi bộ đồng ý'];

export const THEMATIC_TOPICS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Xây dựng nông thôn mới kiểu mẫu',
  'Phòng, chống tham nhũng, tiêu cực',
  'Giữ gìn an ninh trật tự ở khu dân cư',
  'Phát triển kinh tế đồi rừng, giảm nghèo bền vững',
  'Chuyển đổi số trong sinh hoạt đảng',
];
