/** Paths in the project, whatever the working directory the app or the tests run in. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export const projectPath = (relative: string): string => join(PROJECT_ROOT, relative);
