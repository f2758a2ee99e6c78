/** `npm run templates`: writes docs/templates (org.xlsx, contacts.xlsx and csv/) from the shipped example org and the contacts' example rows. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseOrg } from '../shared/org/parse-org.ts';
import { tablesFromSnapshot } from '../shared/org/org-tables.ts';
import { writeOrgTemplates } from './org-workbook.ts';
import { TEMPLATE_CONTACTS } from './contact-template.ts';
import { writeContactTemplates } from './contact-workbook.ts';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const parsed = parseOrg(JSON.parse(await readFile(root('examples/yen-bai-q1/org.json'), 'utf8')));
if (!parsed.ok) throw new Error('the example org does not validate');
await writeOrgTemplates(tablesFromSnapshot({ ...parsed.value.snapshot, packs: [{ pack: 'yb-qd18', unitId: 'LC.NL', from: '2019-04-16' }] }), root('docs/templates/org.xlsx'), root('docs/templates/csv'));
await writeContactTemplates(TEMPLATE_CONTACTS, root('docs/templates/contacts.xlsx'), root('docs/templates/csv/contacts.csv'));
console.log('wrote docs/templates/org.xlsx, docs/templates/contacts.xlsx and docs/templates/csv/*.csv');
