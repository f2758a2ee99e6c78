import type { Bilingual, Citation } from './rule-schema.ts';

export type Lang = 'vi' | 'en';
/** A value for a placeholder: the same in both languages, or one per language. */
export type MessageValue = string | number | Bilingual;

function valueIn(value: MessageValue, lang: Lang): string {
  return typeof value === 'object' ? value[lang] : String(value);
}

const upperFirst = new Map<string, string>();

function capitalise(text: string): string {
  const first = text.charAt(0);
  let upper = upperFirst.get(first);
  if (upper === undefined) upperFirst.set(first, (upper = first.toLocaleUpperCase('vi')));
  return upper + text.slice(1);
}

/** A template split once: literal text at even indexes, placeholder names at odd ones. */
const partsByTemplate = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = partsByTemplate.get(template);
  if (parts === undefined) partsByTemplate.set(template, (parts = template.split(/\{([a-zA-Z]+)\}/)));
  return parts;
}

function renderIn(template: string, values: Record<string, MessageValue>, lang: Lang): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in values ? valueIn(values[name]!, lang) : `{${name}}`) + parts[i + 1]!;
  }
  return capitalise(out).normalize('NFC');
}

/** Fill `{placeholder}`s; pack validation guarantees every placeholder has a value. */
export function renderMessage(template: Bilingual, values: Record<string, MessageValue>): Bilingual {
  return { vi: renderIn(template.vi, values, 'vi'), en: renderIn(template.en, values, 'en') };
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

function citationPart(c: Citation, lang: Lang): string {
  return c.article ? `${c.document[lang]}, ${c.article[lang]}` : c.document[lang];
}

/** The short form inside a message: "Điều lệ Đảng, Điều 24" / "Party Charter, Art. 24". */
export function citationShort(c: Citation): Bilingual {
  return { vi: citationPart(c, 'vi'), en: citationPart(c, 'en') };
}

function joinIn(items: readonly Bilingual[], lang: Lang, and: string): string {
  const parts = items.map((i) => i[lang]);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

/** "1 lần dự sinh hoạt với đảng ủy xã và 1 lần …": a list of owed items in each language. */
export function joinList(items: Bilingual[]): Bilingual {
  return { vi: joinIn(items, 'vi', 'và'), en: joinIn(items, 'en', 'and') };
}
