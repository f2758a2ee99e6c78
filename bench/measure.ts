/**
 * One timed run of a command as a child process: wall time from spawn to
 * exit, the child's peak RSS, and the number of lines it printed (counted as
 * they stream by, never held). Pinned to one core with `taskset -c 0` when
 * the machine has it, unless asked for all cores. Peak RSS comes from GNU time (`/usr/bin/time -f %M`,
 * the kernel's ru_maxrss of the child); without it, from the child itself
 * through a tiny --import probe that reports process.resourceUsage().maxRSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunResult {
  seconds: number;
  peakRssMB: number;
  lines: number;
}

export interface Runner {
  /** How runs are pinned and measured, for the record. */
  pinnedTo: string | null;
  rssFrom: 'gnu-time' | 'child-probe';
  run(nodeArgs: string[], cwd: string): Promise<RunResult>;
}

const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

const PROBE_MARK = 'chibo-bench-maxrss-kib=';
const PROBE = `data:text/javascript,${encodeURIComponent(
  `import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, '\\n${PROBE_MARK}' + process.resourceUsage().maxRSS + '\\n'));`,
)}`;

export function makeRunner({ oneCore = true }: { oneCore?: boolean } = {}): Runner {
  const pinned = oneCore && works('taskset', ['-c', '0', 'true']);
  const gnuTime = works('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']);
  return {
    pinnedTo: pinned ? 'taskset -c 0' : null,
    rssFrom: gnuTime ? 'gnu-time' : 'child-probe',
    async run(nodeArgs, cwd) {
      const dir = mkdtempSync(join(tmpdir(), 'chibo-bench-'));
      const timeFile = join(dir, 'time');
      const node = gnuTime ? ['/usr/bin/time', '-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs] : [process.execPath, '--import', PROBE, ...nodeArgs];
      const argv = pinned ? ['taskset', '-c', '0', ...node] : node;
      try {
        const started = process.hrtime.bigint();
        const { code, lines, stderr } = await spawnCounting(argv, cwd);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (code !== 0) throw new Error(`exit ${code}: ${argv.join(' ')}\n${stderr}`);
        const kib = gnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : Number(stderr.split(PROBE_MARK)[1]);
        if (!Number.isFinite(kib)) throw new Error(`no peak RSS reported by the ${gnuTime ? '/usr/bin/time' : 'probe'}`);
        return { seconds, peakRssMB: kib / 1024, lines };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function spawnCounting(argv: string[], cwd: string): Promise<{ code: number | null; lines: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines, stderr }));
  });
}
