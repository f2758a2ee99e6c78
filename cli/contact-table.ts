/**
 * The contacts sheets as the body of PUT /contacts, checked with the
 * contract's schema, each problem located at its sheet, row and column.
 * Problems are said by the field and what it expects: a cell's text is never
 * in them, since it may be an e-mail address or a phone number.
 */
import { ContactDirectory } from '../shared/contract/contacts.ts';
import { fromZod } from '../shared/contract/issues.ts';
import { CONTACT_COLUMNS, columnLabel, fieldOfHeader, quotable, readCell, REQUIRED_COLUMNS, type ContactField } from './contact-columns.ts';

/** One sheet of contacts: its header row and its rows, cells by column number (row 1 is the header). */
export interface ContactSheet {
  /** How errors name it: `contacts.xlsx[contacts]`, or the CSV file. */
  where: string;
  header: ReadonlyArray<string | undefined>;
  rows: ReadonlyArray<{ row: number; cells: ReadonlyArray<string | undefined> }>;
}

export interface Location {
  where: string;
  row: number | null;
  column: string | null;
}

export interface LocatedIssue extends Location {
  message: string;
}

export type ContactTables =
  | { ok: true; directory: ContactDirectory; locate: (path: ReadonlyArray<PropertyKey>) => Location | null }
  | { ok: false; issues: LocatedIssue[] };

const ORDER = new Map(CONTACT_COLUMNS.map((c, i) => [c.field, i]));
/** The field a label of columnLabel() names: `Thư điện tử (email)` → email, `email` → email. */
const fieldOfLabel = (label: string): ContactField => (/\((\w+)\)$/.exec(label)?.[1] ?? label) as ContactField;
const TEMPLATE_HEADER = new Map(CONTACT_COLUMNS.map((c) => [c.field, c.header]));

/** The header row: which column holds which field, or the problems that stop the sheet being read. */
function columnsOf(sheet: ContactSheet): { fields: Map<number, ContactField>; labels: Map<ContactField, string>; issues: LocatedIssue[] } {
  const fields = new Map<number, ContactField>();
  const labels = new Map<ContactField, string>();
  const issues: LocatedIssue[] = [];
  sheet.header.forEach((text, column) => {
    if (text === undefined || text === '') return;
    const field = fieldOfHeader(text);
    if (field === null) {
      issues.push({ where: sheet.where, row: 1, column: null, message: `unknown column ${quotable(text)}; the template's columns are ${CONTACT_COLUMNS.map((c) => `"${c.header}"`).join(', ')}` });
    } else if (labels.has(field)) {
      issues.push({ where: sheet.where, row: 1, column: columnLabel(text, field), message: `a second column for ${field}` });
    } else {
      fields.set(column, field);
      labels.set(field, columnLabel(text, field));
    }
  });
  for (const field of REQUIRED_COLUMNS) {
    if (!labels.has(field)) issues.push({ where: sheet.where, row: 1, column: null, message: `missing the column "${TEMPLATE_HEADER.get(field)}"` });
  }
  return { fields, labels, issues };
}

export function contactsFromSheets(sheets: readonly ContactSheet[]): ContactTables {
  const contacts: Array<Record<string, unknown>> = [];
  const located: Array<{ where: string; row: number; labels: Map<ContactField, string> }> = [];
  const issues: LocatedIssue[] = [];
  const cellIssues = new Set<string>();
  for (const sheet of sheets) {
    const { fields, labels, issues: headerIssues } = columnsOf(sheet);
    if (headerIssues.length > 0) {
      issues.push(...headerIssues);
      continue;
    }
    for (const { row, cells } of sheet.rows) {
      const i = contacts.length;
      const contact: Record<string, unknown> = {};
      cells.forEach((text, column) => {
        const field = fields.get(column);
        if (field === undefined || text === undefined || text === '') return;
        const read = readCell(field, text);
        if (read.ok) contact[field] = read.value;
        else {
          issues.push({ where: sheet.where, row, column: labels.get(field)!, message: read.message });
          cellIssues.add(`${i}.${field}`);
        }
      });
      contacts.push(contact);
      located.push({ where: sheet.where, row, labels });
    }
  }

  const locate = (path: ReadonlyArray<PropertyKey>): Location | null => {
    const [top, i, field] = path;
    if (top !== 'contacts') return null;
    const at = typeof i === 'number' ? located[i] : undefined;
    if (at === undefined) return { where: located[0]?.where ?? sheets[0]?.where ?? '', row: null, column: null };
    if (typeof field !== 'string') return { where: at.where, row: at.row, column: null };
    const known = ORDER.has(field as ContactField) ? (field as ContactField) : null;
    return { where: at.where, row: at.row, column: known === null ? field : (at.labels.get(known) ?? columnLabel(TEMPLATE_HEADER.get(known)!, known)) };
  };

  const json = { contacts };
  const parsed = ContactDirectory.safeParse(json);
  if (parsed.success && issues.length === 0) return { ok: true, directory: parsed.data, locate };
  if (!parsed.success) {
    for (const issue of fromZod(parsed.error, json)) {
      const [, i, field] = issue.path;
      // A cell already refused for its word is not refused again as missing.
      if (cellIssues.has(`${String(i)}.${String(field)}`)) continue;
      const loc = locate(issue.path) ?? { where: sheets[0]?.where ?? '', row: null, column: null };
      issues.push({ ...loc, message: issue.message });
    }
  }
  // In reading order: sheet, row, then the template's column order (row-wide problems first).
  const sheetRank = (w: string): number => sheets.findIndex((s) => s.where === w);
  const columnRank = (l: LocatedIssue): number => (l.column === null ? -1 : (ORDER.get(fieldOfLabel(l.column)) ?? CONTACT_COLUMNS.length));
  issues.sort((a, b) => sheetRank(a.where) - sheetRank(b.where) || (a.row ?? 0) - (b.row ?? 0) || columnRank(a) - columnRank(b));
  return { ok: false, issues };
}
