/**
 * `chibo redrive`: the embedded default's dead letters back through the
 * meetings queue, on a stopped instance (dynalite locks its folder while it
 * runs). Those that are processed leave the file; those that fail again stay
 * with their new reason. Processing is idempotent, so running it twice
 * changes nothing twice.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { deadLettersFileIn, startRuntime } from '../local/runtime.ts';
import { chiboFolders } from './home.ts';
import { InputError } from './input-error.ts';
import { parseOptions } from './parse-options.ts';

export const REDRIVE_USAGE = `chibo redrive [--data-dir DIR]   the dead letters of a stopped embedded instance (DIR/../dead-letters.jsonl) through its queue again`;

/** One line of local/file-dead-letters.ts. */
const DeadLetter = z.strictObject({ at: z.string(), reason: z.string(), body: z.string() });
type DeadLetter = z.infer<typeof DeadLetter>;

export async function redriveCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  const { values } = parseOptions(argv, { 'data-dir': { type: 'string' } }, REDRIVE_USAGE);
  // --data-dir names an instance's store in its home (`<home>/data`), as `chibo serve` lays it out.
  const { home, dataDir } = chiboFolders(process.env, values['data-dir']);
  const stateDir = values['data-dir'] !== undefined && !process.env['CHIBO_HOME'] ? dirname(dataDir) : home;
  const file = deadLettersFileIn(stateDir);
  const letters = await readLetters(file);
  if (letters.length === 0) {
    out.write(`Không có thư chết nào trong ${file}. / No dead letters.\n`);
    return;
  }
  const state = await readFile(join(stateDir, 'state.json'), 'utf8').then((t) => JSON.parse(t) as { clock?: number }, () => ({}) as { clock?: number });
  const runtime = await startRuntime({ dataDir, stateDir, port: 0, simulatedStart: state.clock ?? null, tokensFile: join(stateDir, 'no-tokens'), console: null });
  const kept: DeadLetter[] = [];
  try {
    for (const letter of letters) {
      const again = await runtime.redeliver(letter.body);
      if (again) kept.push({ at: new Date().toISOString(), reason: again.reason, body: letter.body });
    }
  } finally {
    await runtime.close();
  }
  // Replaced whole: a crash midway leaves the old file, and redriving it again is safe.
  await writeFile(`${file}.tmp`, kept.map((l) => `${JSON.stringify(l)}\n`).join(''));
  await rename(`${file}.tmp`, file);
  out.write(`Đã xử lý lại ${letters.length - kept.length}/${letters.length}; còn ${kept.length} trong ${file}. / Redriven ${letters.length - kept.length} of ${letters.length}; ${kept.length} left.\n`);
  for (const l of kept) out.write(`  ${l.reason}\n`);
}

async function readLetters(file: string): Promise<DeadLetter[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new InputError(file, i + 1, null, 'not JSON');
    }
    const parsed = DeadLetter.safeParse(json);
    if (!parsed.success) throw InputError.fromIssue(file, i + 1, parsed.error.issues[0]!);
    return [parsed.data];
  });
}
