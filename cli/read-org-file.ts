/**
 * The org file of `chibo evaluate`, read as a stream into the compact index
 * (org-builder.ts): a country's 641 MB are never one string nor one tree of
 * objects. Each element is parsed as parseJsonText parses a whole file (a
 * field given twice is refused). A file the builder is not sure of is read
 * again by readJsonFile, so an error is worded and located as for every other
 * JSON input.
 */
import { parseJsonText } from '../shared/contract/json-text.ts';
import { UNSURE } from '../shared/contract/fast-parse.ts';
import { OrgBuilder } from '../shared/org/org-builder.ts';
import type { OrgIndex } from '../shared/org/org-index.ts';
import { parseOwnedOrg } from '../shared/org/parse-org.ts';
import { readJsonSections } from './read-large-json.ts';
import { readJsonFile } from './read-json-file.ts';

/** Thrown to stop reading as soon as the builder is not sure. */
const NOT_SURE = new Error('not sure');

function parseElement(text: string): unknown {
  const read = parseJsonText(text);
  if (!read.ok) throw NOT_SURE;
  return read.json;
}

export async function readOrgFile(file: string): Promise<OrgIndex> {
  const builder = new OrgBuilder();
  let org: OrgIndex | typeof UNSURE = UNSURE;
  try {
    await readJsonSections(
      file,
      {
        section: (name) => {
          if (!builder.begin(name)) throw NOT_SURE;
        },
        element: (value) => {
          if (!builder.add(value)) throw NOT_SURE;
        },
      },
      undefined,
      parseElement,
    );
    org = builder.finish();
  } catch {
    // Any doubt, a file that cannot be read or is not an object of arrays among them: the slow reader says what is wrong.
  }
  return org === UNSURE ? readJsonFile(file, parseOwnedOrg) : org;
}
