/** The streaming reader for org snapshots too large for one string: same value as JSON.parse, whatever the chunking; errors name the line. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLargeJsonObject } from '../../cli/read-large-json.ts';
import { exampleOrgJson } from '../support/builders.ts';
import { tempFiles } from '../support/cli.ts';

describe('readLargeJsonObject', () => {
  const org = { ...exampleOrgJson(), members: [...exampleOrgJson().members, { id: 'q"x', name: 'Nguyễn {Văn} [An] \\ "Út"', cellId: 'LC.NL.TDP2' }] };
  const text = `{\n"units": [\n${org.units.map((u) => JSON.stringify(u)).join(',\n')}\n],\n"members": [\n${org.members.map((m) => JSON.stringify(m)).join(',\n')}\n],\n"leaders": []\n}\n`;

  it('gives what JSON.parse gives, in chunks of any size, with the line of each element', async () => {
    const file = tempFiles({ 'org.json': text })['org.json']!;
    for (const chunk of [7, 64, 1 << 20]) {
      const { json, lineOf } = await readLargeJsonObject(file, chunk);
      expect(json).toEqual(JSON.parse(text));
      expect(lineOf(['units', 0])).toBe(3);
      expect(lineOf(['members', 0])).toBe(3 + org.units.length + 2);
      expect(lineOf(['members', 3, 'cellId'])).toBe(3 + org.units.length + 5);
    }
  });

  it('says where a document is not an object of arrays, or is cut short', async () => {
    const files = tempFiles({ 'array.json': '[1, 2]', 'scalar.json': '{"units": 5}', 'cut.json': '{"units": [{"id": "a"' });
    await expect(readLargeJsonObject(files['array.json']!)).rejects.toThrow('expected a JSON object');
    await expect(readLargeJsonObject(files['scalar.json']!)).rejects.toThrow('expected an object of arrays');
    await expect(readLargeJsonObject(files['cut.json']!)).rejects.toThrow('unexpected end of the file');
    const dir = join(files['cut.json']!, '..');
    await writeFile(join(dir, 'bad.json'), '{"units": [\n{"id": "a"},\n{"id":\n tru}\n]}');
    await expect(readLargeJsonObject(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json:3: invalid JSON/);
  });
});
