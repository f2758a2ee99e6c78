/** The streaming reader for org snapshots too large for one string: same value as JSON.parse, whatever the chunking; errors name the line. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
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

  it('refuses what JSON refuses between the elements: trailing, doubled or missing commas, a value that is not an array, text after the object', async () => {
    const cases: Record<string, string> = {
      'trailing.json': '{"units": [{"id": "a"},\n]}',
      'doubled.json': '{"units": [{"id": "a"},,{"id": "b"}]}',
      'leading.json': '{"units": [,{"id": "a"}]}',
      'missing.json': '{"units": [{"id": "a"} {"id": "b"}]}',
      'key-comma.json': '{"units": [], }',
      'no-colon.json': '{"units" []}',
      'scalar-element.json': '{"units": ["a"]}',
      'after.json': '{"units": []} []',
      'empty.json': '',
    };
    const files = tempFiles(cases);
    for (const name of Object.keys(cases)) await expect(readLargeJsonObject(files[name]!), name).rejects.toThrow(/expected|unexpected/);
    const ok = tempFiles({ 'ok.json': '\uFEFF{ "units" : [ ] , "members":[{"id":"a"} ,{"id":"b"}] }\n' })['ok.json']!;
    expect((await readLargeJsonObject(ok)).json).toEqual({ units: [], members: [{ id: 'a' }, { id: 'b' }] });
  });
});

describe('readJsonSections, property', () => {
  // Strings with quotes, backslashes (runs of them), brackets and non-ASCII text, cut by chunks of every size.
  const text = fc.stringMatching(/^[a-zA-Z0-9 "\\{}[\],:\u00e0\u1ea1\u0111]{0,12}$/);
  const element = fc.record({ id: text, name: text, tags: fc.array(text, { maxLength: 3 }), nested: fc.array(fc.record({ x: text }), { maxLength: 2 }) });

  it('gives what JSON.parse gives, element by element, for any chunk size', async () => {
    const dir = tempFiles({ 'seed.json': '{}' })['seed.json']!;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ units: fc.array(element, { maxLength: 40 }), members: fc.array(element, { maxLength: 40 }) }), fc.integer({ min: 1, max: 300 }), async (doc, chunk) => {
        const file = join(dir, '..', `doc-${n++}.json`);
        await writeFile(file, `{"units": [${doc.units.map((e) => JSON.stringify(e)).join(',\n')}],\n "members":[${doc.members.map((e) => JSON.stringify(e)).join(' , ')}]}`);
        const { json, lineOf } = await readLargeJsonObject(file, chunk);
        expect(json).toEqual(doc);
        if (doc.units.length > 1) expect(lineOf(['units', 1])).toBe(2);
      }),
      { numRuns: 300 },
    );
  });
});
