/**
 * A deterministic synthetic province for the engine benchmark: `org.json`,
 * one year of `events.jsonl`, and `manifest.json` saying what was generated
 * (seed, size, a fingerprint of this generator's code, the counts). The
 * manifest is written last, so a run cut short leaves none and is redone.
 *
 *   node --import tsx bench/generate-province.ts [--cells 7000] [--seed 2026] [--out bench/data]
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LineWriter } from './line-writer.ts';
import { ProvinceEvents, type EventCounts } from './province-events.ts';
import { buildProvince } from './province-org.ts';
import { Rng } from './rng.ts';

export const DEFAULT_SEED = 2026;
export const DEFAULT_CELLS = 7000;
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export interface GenerateOptions {
  seed: number;
  cells: number;
  outDir: string;
  /** About 70 by default (a province); the embedded demo's ward has two communes of about ten. */
  cellsPerCommune?: number;
}

export interface Manifest {
  seed: number;
  cells: number;
  /** sha256 of the generator's sources: data from older code is not reused. */
  generator: string;
  org: { units: number; communes: number; members: number; exempted: number; leaders: number };
  events: EventCounts;
  files: { org: string; events: string };
}

const SOURCES = ['generate-province.ts', 'generate-country.ts', 'province-org.ts', 'province-events.ts', 'names.ts', 'rng.ts', 'line-writer.ts'];

export async function generatorFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of SOURCES) hash.update(await readFile(new URL(`./${file}`, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

export async function generateProvince({ seed, cells, outDir, cellsPerCommune }: GenerateOptions): Promise<Manifest> {
  if (!Number.isInteger(cells) || cells < 1) throw new RangeError(`cells must be a positive integer, not ${cells}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  await mkdir(outDir, { recursive: true });
  // Until the new manifest is written, the files match no manifest.
  await rm(join(outDir, 'manifest.json'), { force: true });
  const rng = new Rng(seed);
  const province = buildProvince(rng, cells, cellsPerCommune);
  const { units, members, leaders = [] } = province.org;

  // One entity a line, so that a validation error names a findable line.
  const org = new LineWriter(join(outDir, 'org.json'));
  const section = async (name: string, items: readonly unknown[], last: boolean): Promise<void> => {
    await org.line(`"${name}": [`);
    for (let i = 0; i < items.length; i++) await org.line(`${JSON.stringify(items[i])}${i < items.length - 1 ? ',' : ''}`);
    await org.line(last ? ']' : '],');
  };
  await org.line('{');
  await section('units', units, false);
  await section('members', members, false);
  await section('leaders', leaders, true);
  await org.line('}');
  await org.close();

  const out = new LineWriter(join(outDir, 'events.jsonl'));
  const events = new ProvinceEvents(rng, out);
  await events.writeYear(province);
  await out.close();

  const manifest: Manifest = {
    seed,
    cells,
    generator: await generatorFingerprint(),
    org: {
      units: units.length,
      communes: province.communes.length,
      members: members.length,
      exempted: members.filter((m) => (m.exemptions?.length ?? 0) > 0).length,
      leaders: leaders.length,
    },
    events: events.counts,
    files: { org: 'org.json', events: 'events.jsonl' },
  };
  const file = join(outDir, 'manifest.json');
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return manifest;
}

/** The manifest of data already in `outDir` when it is what these options would generate now, else null. */
export async function existingData(options: GenerateOptions): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(join(options.outDir, 'manifest.json'), 'utf8')) as Manifest;
    const same = manifest.seed === options.seed && manifest.cells === options.cells && manifest.generator === (await generatorFingerprint());
    if (!same) return null;
    await Promise.all([stat(join(options.outDir, manifest.files.org)), stat(join(options.outDir, manifest.files.events))]);
    return manifest;
  } catch {
    return null;
  }
}

export function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`--${name} expects an integer, not "${value}"`);
  return n;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { cells: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const started = performance.now();
  const manifest = await generateProvince({
    seed: integerOption(values.seed, 'seed', DEFAULT_SEED),
    cells: integerOption(values.cells, 'cells', DEFAULT_CELLS),
    outDir: values.out ?? DEFAULT_OUT_DIR,
  });
  console.log(JSON.stringify(manifest, null, 2));
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
