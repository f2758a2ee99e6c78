/** The CSV and XLSX templates of docs/templates give the same org as the JSON; errors name the sheet, the row and the column. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrgTables } from '../../cli/org-workbook.ts';
import { snapshotFromTables } from '../../shared/org/org-tables.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { exampleOrgJson } from '../support/builders.ts';
import { runCli } from '../support/cli.ts';

const TEMPLATES = new URL('../../docs/templates/', import.meta.url).pathname;
const expected = () => {
  const parsed = parseOrg({ ...exampleOrgJson(), packs: [{ pack: 'yb-qd18', unitId: 'LC.NL', from: '2019-04-16' }] });
  if (!parsed.ok) throw new Error('example');
  return parsed.value.snapshot;
};
const fromTemplates = async (path: string) => {
  const { tables } = await readOrgTables(path);
  const parsed = parseOrg(snapshotFromTables(tables).json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.snapshot;
};

describe('org templates', () => {
  it('the XLSX template gives the same org as the JSON', async () => {
    expect(await fromTemplates(join(TEMPLATES, 'org.xlsx'))).toEqual(expected());
  });

  it('the CSV templates (a folder, or any one of its files) give the same org as the JSON', async () => {
    expect(await fromTemplates(join(TEMPLATES, 'csv'))).toEqual(expected());
    expect(await fromTemplates(join(TEMPLATES, 'csv', 'members.csv'))).toEqual(expected());
  });

  it('a bad cell is named by its sheet, row and column (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chibo-csv-'));
    await cp(join(TEMPLATES, 'csv'), dir, { recursive: true });
    const members = (await readFile(join(dir, 'members.csv'), 'utf8')).split('\n');
    members[3] = members[3]!.replace(/,LC\.NL\.TDP2,/, ',LC.NL.NOPE,');
    await writeFile(join(dir, 'members.csv'), members.join('\n'));
    const res = await runCli(['import', dir, '--url', 'http://127.0.0.1:9']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`chibo: ${join(dir, 'members.csv')}:4: cellId: unknown cell "LC.NL.NOPE"\n`);
  });
});
