/** Everything `chibo serve` writes goes under the home the user names (CHIBO_HOME); two homes share nothing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiboFolders } from '../../cli/home.ts';

const BIN = resolve(import.meta.dirname, '../../bin/chibo.js');

/** `chibo serve --no-demo` on a free port; resolves once it serves. */
function serve(env: Record<string, string>, cwd: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-demo', '--port', '0'], { cwd, env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ctrl+C')) ok(child);
    });
    child.once('exit', (code) => fail(new Error(`chibo serve exited ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGTERM')));

describe('the home folder', () => {
  it('defaults to ./.chibo with the store in data/; CHIBO_DATA_DIR moves the store alone', () => {
    expect(chiboFolders({}, undefined)).toEqual({ home: resolve('.chibo'), dataDir: resolve('.chibo/data') });
    expect(chiboFolders({ CHIBO_HOME: '/srv/a' })).toEqual({ home: '/srv/a', dataDir: '/srv/a/data' });
    expect(chiboFolders({ CHIBO_HOME: '/srv/a', CHIBO_DATA_DIR: '/srv/chibo/data' })).toEqual({ home: '/srv/a', dataDir: '/srv/chibo/data' });
  });

  it('two instances side by side write only under their own homes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'chibo-homes-'));
    const a = await serve({ CHIBO_HOME: join(root, 'home-a') }, root);
    // The store moved elsewhere: the state still lands in the home, not beside the store.
    const b = await serve({ CHIBO_HOME: join(root, 'home-b'), CHIBO_DATA_DIR: join(root, 'disk', 'store') }, root);
    await Promise.all([stop(a), stop(b)]);
    expect((await readdir(root)).sort()).toEqual(['disk', 'home-a', 'home-b']);
    expect(await readdir(join(root, 'disk'))).toEqual(['store']);
    expect((await readdir(join(root, 'home-a'))).sort()).toEqual(['data', 'deliveries.jsonl', 'queue.jsonl', 'state.json']);
    expect((await readdir(join(root, 'home-b'))).sort()).toEqual(['deliveries.jsonl', 'queue.jsonl', 'state.json']);
  });
});
