/** `npm run build:dashboard [DIR]`: the dashboard's files into DIR (default dist/dashboard), for the S3 bucket on AWS. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildDashboard } from './build.ts';

const dir = resolve(process.argv[2] ?? 'dist/dashboard');
const files = await buildDashboard();
await mkdir(dir, { recursive: true });
for (const [path, asset] of files) await writeFile(join(dir, path), asset.body);
process.stdout.write(`${dir}: ${[...files.keys()].join(' ')}\n`);
