import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './input-error.ts';

/** node:util parseArgs, with a bad option reported as bad input (exit 2) and the command's usage. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string) {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    // An empty value ("--unit \"\"") is a mistake, not the absence of the option: the server would refuse it too.
    for (const [name, value] of Object.entries(parsed.values)) if (value === '') throw new TypeError(`--${name} needs a value`);
    return parsed;
  } catch (err) {
    throw new InputError('arguments', null, null, `${(err as Error).message}\n${usage}`);
  }
}
