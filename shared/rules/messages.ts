import type { Bilingual, Citation } from './rule-schema.ts';

export type Lang = 'vi' | 'en';
/** A value for a placeholder: the same in both languages, or one per language. */
export type MessageValue = string | number | Bilingual;

function valueIn(value: MessageValue, lang: Lang): string {
  return typeof value === 'object' ? value[lang] : String(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Fill `{placeholder}`s; pack validation guarantees every placeholder has a value. */
export function renderMessage(template: Bilingual, values: Record<string, MessageValue>): Bilingual {
  const render = (lang: Lang): string =>
    capitalise(template[lang].replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? valueIn(values[name]!, lang) : whole))).normalize('NFC');
  return { vi: render('vi'), en: render('en') };
}

function citationDate(date: string | undefined): string {
  if (date === undefined) return '';
  const [y, m, d] = date.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** The finding's `citation` field: "Quy định 18-QĐ/TU (Yên Bái, 16/4/2019)". */
export function citationText(c: Citation): string {
  const article = c.article ? `, ${c.article.vi}` : '';
  const where = [c.issuer, citationDate(c.date)].filter((x) => x).join(', ');
  return `${c.document.vi}${article}${where ? ` (${where})` : ''}`;
}

/** The short form inside a message: "Điều lệ Đảng, Điều 24" / "Party Charter, Art. 24". */
export function citationShort(c: Citation): Bilingual {
  const part = (lang: Lang): string => (c.article ? `${c.document[lang]}, ${c.article[lang]}` : c.document[lang]);
  return { vi: part('vi'), en: part('en') };
}

/** "1 lần dự sinh hoạt với đảng ủy xã và 1 lần …": a list of owed items in each language. */
export function joinList(items: Bilingual[]): Bilingual {
  const join = (lang: Lang, and: string): string => {
    const parts = items.map((i) => i[lang]);
    return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
  };
  return { vi: join('vi', 'và'), en: join('en', 'and') };
}
