import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './input-error.ts';

/** node:util parseArgs, with a bad option reported as bad input (exit 2) and the command's usage. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new InputError('arguments', null, null, `${(err as Error).message}\n${usage}`);
  }
}
