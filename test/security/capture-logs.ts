/** Every line the process writes while a test runs: stdout and stderr (where Powertools' own Console writes) and the console methods. */
import { vi } from 'vitest';

export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const spies = [
    ...[process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }),
    ),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
    ),
  ];
  return { lines, stop: () => spies.forEach((s) => s.mockRestore()) };
}

/** The captured lines that contain any of these secrets, for a failure message that shows them. */
export const linesWith = (lines: readonly string[], secrets: readonly string[]): string[] => lines.filter((l) => secrets.some((s) => l.includes(s) || l.includes(s.normalize('NFD'))));
