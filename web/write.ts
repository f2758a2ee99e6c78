/** `npm run build:dashboard [DIR]`: the dashboard's files into DIR (default dist/dashboard), for the S3 bucket on AWS. */
import { resolve } from 'node:path';
import { writeDashboard } from './build.ts';

const dir = resolve(process.argv[2] ?? 'dist/dashboard');
const files = writeDashboard(dir);
process.stdout.write(`${dir}: ${[...files.keys()].join(' ')}\n`);
