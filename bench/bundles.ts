/**
 * Size and cold import time of each Lambda bundle.
 *
 * Every functions/<name>/handler.ts is bundled by the local esbuild with the
 * options infra/chibo-function.ts gives NodejsFunction (ESM, platform node,
 * target node22, mainFields module,main, minify, no externals, the same
 * createRequire banner) into a temporary directory. `bytes` is the size of
 * the .mjs alone, WITHOUT its source map: CDK writes the map next to it
 * (`sourceMap: true`), it is uploaded in the asset zip but not loaded at
 * import unless an error stack is mapped (`--enable-source-maps`).
 *
 * Cold import = the median of 5 fresh `node` processes, each timing
 * `await import(bundle)` with performance.now() (process start-up itself is
 * not counted). The processes get the environment the stack sets
 * (TABLE_NAME, topic ARNs, queue URLs, bus name, Powertools settings,
 * NODE_OPTIONS=--enable-source-maps), AWS_REGION=ap-southeast-1 and dummy
 * credentials; a preloaded guard records any socket connect or DNS lookup
 * during the import and the run fails if there is one (no network call may
 * happen at import). This machine's node and CPU, not Lambda's node22 on
 * arm64 at 512 MB: read the figures as relative.
 *
 * Run alone: `node --import tsx bench/bundles.ts` prints the table, the
 * biggest packages of each bundle, and for any bundle over the size target
 * the biggest inputs from esbuild's metafile and two what-ifs (WHAT_IFS:
 * zod imported as a namespace; environment-only credentials), measured the
 * same way but applied only in memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readFile } from 'node:fs/promises';
import { build, type Metafile, type Plugin } from 'esbuild';
// The stack's banner and alias (infra/chibo-function.ts): the bundles measured are the bundles deployed.
import { CREDENTIALS_ALIAS, ESM_REQUIRE_BANNER } from '../infra/bundling.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));


export const TARGET_BYTES = 500 * 1024;
export const TARGET_COLD_MS = 200;
const RUNS = 5;

/** What the stack puts in each function's environment (infra/*.ts, infra/chibo-function.ts), with dummy values. */
const FUNCTION_ENV: Record<string, string> = {
  AWS_REGION: 'ap-southeast-1',
  AWS_DEFAULT_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'dummy-session-token',
  AWS_LAMBDA_FUNCTION_NAME: 'chibo-bench',
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
  AWS_EC2_METADATA_DISABLED: 'true',
  TABLE_NAME: 'chibo-bench-table',
  EVENT_BUS_NAME: 'chibo-bench-bus',
  REMINDERS_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:123456789012:reminders',
  VIOLATIONS_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:123456789012:violations',
  DEAD_LETTER_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/dead-letters',
  SWEEP_QUEUE_URL: 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/sweeps',
  MAX_RECEIVES: '3',
  POWERTOOLS_SERVICE_NAME: 'chibo-monitor',
  POWERTOOLS_METRICS_NAMESPACE: 'ChiboMonitor',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  // As the stack sets it: Node then reads the bundle's source map at import (≈ +20 ms measured locally).
  NODE_OPTIONS: '--enable-source-maps',
};

/** Preloaded into each timing process: counts socket connects and DNS lookups. */
const NETWORK_GUARD = `data:text/javascript,${encodeURIComponent(`
import net from 'node:net'; import dns from 'node:dns';
globalThis.__chiboNet = [];
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) { globalThis.__chiboNet.push('connect ' + JSON.stringify(a[0])); return connect.apply(this, a); };
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6']) { const f = dns[k]; dns[k] = (...a) => { globalThis.__chiboNet.push(k + ' ' + a[0]); return f(...a); }; }
`)}`;

/** One timing: import the bundle, print the ms and the network attempts as JSON. */
const timingScript = (file: string): string =>
  `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); const ms = performance.now() - t;` +
  ` await new Promise((r) => setTimeout(r, 50));` +
  ` console.log(JSON.stringify({ ms, net: globalThis.__chiboNet }));`;

export interface BundleMeasure {
  name: string;
  bytes: number;
  coldImportMs: number;
}

export interface BundleDetail extends BundleMeasure {
  /** Each of the 5 runs, ms. */
  runsMs: number[];
  /** Bytes of the source map CDK also writes (not counted in `bytes`). */
  mapBytes: number;
  /** The biggest inputs by bytes in the output, from the metafile. */
  topInputs: Array<{ input: string; bytes: number }>;
  /** The same grouped by npm package (or `(project)`). */
  topPackages: Array<{ pkg: string; bytes: number }>;
  /** The same grouped by folder two levels inside the package (e.g. zod/v4/locales). */
  topFolders: Array<{ folder: string; bytes: number }>;
}

export function functionNames(): string[] {
  return readdirSync(join(ROOT, 'functions'))
    .filter((name) => existsSync(join(ROOT, 'functions', name, 'handler.ts')))
    .sort();
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function folderOf(input: string): string {
  const i = input.lastIndexOf('node_modules/');
  const parts = (i < 0 ? input : input.slice(i + 'node_modules/'.length)).split('/');
  const depth = parts[0]!.startsWith('@') ? 4 : 3;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('/');
}

function packageOf(input: string): string {
  const i = input.lastIndexOf('node_modules/');
  if (i < 0) return '(project)';
  const rest = input.slice(i + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

/**
 * What-ifs for the report only, applied in memory at bundle time (the code is
 * not changed): `starZod` rewrites the project's `import { z } from 'zod'`
 * into `import * as z from 'zod'`, which lets esbuild drop zod's 40-odd
 * locales; `envCredentials` swaps the SDK's default credential chain
 * (@aws-sdk/credential-provider-node: SSO, INI, process, web identity, login,
 * with their nested STS/SSO/OIDC/sign-in clients) for environment credentials
 * only, which is what a Lambda function uses.
 */
const starZod: Plugin = {
  name: 'what-if-star-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/](shared|adapters|functions)[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/import \{ z \} from 'zod';/g, "import * as z from 'zod';"),
      loader: 'ts',
    }));
  },
};
const envCredentials: Plugin = {
  name: 'what-if-env-credentials',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: 'env-credentials', namespace: 'what-if' }));
    b.onLoad({ filter: /.*/, namespace: 'what-if' }, () => ({
      contents:
        "import { fromEnv } from '@aws-sdk/credential-provider-env'; export const defaultProvider = (init) => fromEnv(init); export const credentialsWillNeedRefresh = () => false; export const credentialsTreatedAsExpired = () => false;",
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};
export const WHAT_IFS: Record<string, Plugin[]> = {
  "import * as z from 'zod'": [starZod],
  "… and env-only credentials": [starZod, envCredentials],
};

async function bundleOne(name: string, outdir: string, plugins: Plugin[] = []): Promise<{ file: string; bytes: number; mapBytes: number; metafile: Metafile }> {
  const file = join(outdir, name, 'index.mjs');
  const result = await build({
    entryPoints: [join(ROOT, 'functions', name, 'handler.ts')],
    bundle: true,
    outfile: file,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    external: [],
    banner: { js: ESM_REQUIRE_BANNER },
    alias: CREDENTIALS_ALIAS,
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  return { file, bytes: statSync(file).size, mapBytes: statSync(`${file}.map`).size, metafile: result.metafile };
}

/** One fresh `node` process importing `file`: the import ms; throws if the import touched the network. */
export function timeImport(file: string): number {
  const env = { ...process.env, ...FUNCTION_ENV };
  const run = spawnSync(process.execPath, ['--import', NETWORK_GUARD, '--input-type=module', '-e', timingScript(file)], {
    env,
    cwd: dirname(file),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`importing ${file} failed (exit ${run.status}):\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  const { ms, net } = JSON.parse(line) as { ms: number; net: string[] };
  if (net.length > 0) throw new Error(`importing ${file} touched the network: ${net.join('; ')}`);
  return ms;
}

/** Bundles and times every function, with the metafile breakdown. */
export async function measureBundlesDetailed(): Promise<BundleDetail[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'chibo-bundles-'));
  try {
    const results: BundleDetail[] = [];
    for (const name of functionNames()) {
      const { file, bytes, mapBytes, metafile } = await bundleOne(name, outdir);
      const runsMs = Array.from({ length: RUNS }, () => timeImport(file));
      const inputs = Object.entries(Object.values(metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {});
      const topInputs = inputs
        .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 15);
      const byPkg = new Map<string, number>();
      for (const [input, { bytesInOutput }] of inputs) byPkg.set(packageOf(input), (byPkg.get(packageOf(input)) ?? 0) + bytesInOutput);
      const topPackages = [...byPkg].map(([pkg, b]) => ({ pkg, bytes: b })).sort((a, b) => b.bytes - a.bytes);
      const byFolder = new Map<string, number>();
      for (const [input, { bytesInOutput }] of inputs) byFolder.set(folderOf(input), (byFolder.get(folderOf(input)) ?? 0) + bytesInOutput);
      const topFolders = [...byFolder].map(([folder, b]) => ({ folder, bytes: b })).sort((a, b) => b.bytes - a.bytes).slice(0, 15);
      results.push({ name, bytes, coldImportMs: median(runsMs), runsMs, mapBytes, topInputs, topPackages, topFolders });
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes of each function's .mjs (without its source map) and its median cold import, ms. */
export async function measureBundles(): Promise<Array<{ name: string; bytes: number; coldImportMs: number }>> {
  return (await measureBundlesDetailed()).map(({ name, bytes, coldImportMs }) => ({ name, bytes, coldImportMs }));
}

/** Bytes and cold import of each function under a what-if (for the report; see WHAT_IFS). */
export async function measureWhatIf(plugins: Plugin[]): Promise<BundleMeasure[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'chibo-bundles-what-if-'));
  try {
    const out: BundleMeasure[] = [];
    for (const name of functionNames()) {
      const { file, bytes } = await bundleOne(name, outdir, plugins);
      out.push({ name, bytes, coldImportMs: median(Array.from({ length: RUNS }, () => timeImport(file))) });
    }
    return out;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function printTable(rows: BundleDetail[]): void {
  const lines = [
    ['function', '.mjs bytes (no map)', 'KB', 'map KB', 'cold import ms (median of 5)', 'runs ms', `≤ ${TARGET_BYTES / 1024} KB`, `≤ ${TARGET_COLD_MS} ms`],
    ...rows.map((r) => [
      r.name,
      r.bytes.toLocaleString('en-US'),
      kb(r.bytes),
      kb(r.mapBytes),
      r.coldImportMs.toFixed(1),
      r.runsMs.map((ms) => ms.toFixed(0)).join(' '),
      r.bytes <= TARGET_BYTES ? 'met' : 'NOT MET',
      r.coldImportMs <= TARGET_COLD_MS ? 'met' : 'NOT MET',
    ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await measureBundlesDetailed();
  console.log(`esbuild bundles as infra/chibo-function.ts builds them; node ${process.version} on ${process.platform}/${process.arch} (Lambda runs node22 on arm64)`);
  console.log(`${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} before the runs: cold-import times grow with the machine's load\n`);
  printTable(rows);
  for (const r of rows) {
    console.log(`\n${r.name}: biggest packages in the bundle (bytes in output)`);
    for (const p of r.topPackages.slice(0, 8)) console.log(`  ${kb(p.bytes).padStart(10)}  ${p.pkg}`);
    if (r.bytes > TARGET_BYTES) {
      console.log(`  over ${TARGET_BYTES / 1024} KB; biggest folders, then files:`);
      for (const f of r.topFolders.slice(0, 8)) console.log(`  ${kb(f.bytes).padStart(10)}  ${f.folder}/`);
      for (const i of r.topInputs.slice(0, 6)) console.log(`  ${kb(i.bytes).padStart(10)}  ${i.input}`);
    }
  }
  if (rows.some((r) => r.bytes > TARGET_BYTES)) {
    console.log(`\nWhat-ifs (applied in memory at bundle time only; the code is unchanged):`);
    for (const [label, plugins] of Object.entries(WHAT_IFS)) {
      const m = await measureWhatIf(plugins);
      console.log(`  ${label}: ${m.map((x) => `${x.name} ${kb(x.bytes)} (${x.coldImportMs.toFixed(0)} ms)`).join(', ')}`);
    }
  }
}
