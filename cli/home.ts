/**
 * Where the embedded default keeps what it writes: one folder the user names
 * (`CHIBO_HOME`, default `./.chibo`): the store in `data/` inside, and the
 * outbox, dead letters and state beside it. `CHIBO_DATA_DIR` still moves the
 * store alone; the rest stays in the home, so two homes share nothing.
 */
import { join, resolve } from 'node:path';

export interface ChiboFolders {
  /** outbox.jsonl, dead-letters.jsonl, state.json. */
  home: string;
  /** The store (dynalite's files). */
  dataDir: string;
}

export function chiboFolders(env: NodeJS.ProcessEnv, dataDirOption?: string): ChiboFolders {
  const home = resolve(env['CHIBO_HOME'] || '.chibo');
  return { home, dataDir: resolve(dataDirOption ?? (env['CHIBO_DATA_DIR'] || join(home, 'data'))) };
}
