/** Names compared as people type them on a phone: without diacritics ("nguyen van" finds "Nguyễn Văn"), any case. */
export const folded = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
