/**
 * The dashboard's bundle, built with esbuild's API in-process (tens of
 * milliseconds): nothing built is committed. `npm start` builds it in memory
 * on the first request for the page; `npm run build:dashboard` writes it to
 * a folder for the S3 bucket (web/write.ts). The XLSX writer (exceljs) is a chunk of
 * its own, loaded only when someone exports.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type OutputFile } from 'esbuild';

const WEB = dirname(fileURLToPath(import.meta.url));
const OUT = '/dashboard';

export interface Asset {
  contentType: string;
  body: Uint8Array;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const typeOf = (name: string): string => TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

const OPTIONS: BuildOptions = {
  entryPoints: { app: join(WEB, 'src', 'main.ts') },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  outdir: OUT,
  chunkNames: 'chunk-[hash]',
  write: false,
  logLevel: 'silent',
  legalComments: 'none',
};

/** URL path ("/app.js") → asset. */
function assets(outputFiles: OutputFile[]): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const file of outputFiles) out.set(`/${basename(file.path)}`, { contentType: typeOf(file.path), body: file.contents });
  for (const name of ['index.html', 'app.css']) out.set(`/${name}`, { contentType: typeOf(name), body: readFileSync(join(WEB, name)) });
  return out;
}

export async function buildDashboard(): Promise<Map<string, Asset>> {
  return assets((await build(OPTIONS)).outputFiles ?? []);
}
