import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DIR } from '../support/builders.ts';
import { runBinary, tempFiles } from '../support/cli.ts';

const file = (name: string): string => fileURLToPath(new URL(name, EXAMPLE_DIR));
const events = readFileSync(file('events.jsonl'), 'utf8').trimEnd().split('\n');
const evaluate = (eventsFile: string, ...more: string[]) =>
  runBinary(['evaluate', '--org', file('org.json'), '--events', eventsFile, '--packs', 'dieu-le,yb-qd18,hn-da11', '--as-of', '2026-04-04T00:00:00+07:00', ...more]);

describe('chibo evaluate --workers (worker threads, the real binary)', () => {
  it('prints byte for byte what one thread prints, with 1, 2 and 4 workers', async () => {
    const [one, two, four] = await Promise.all(['1', '2', '4'].map((n) => evaluate(file('events.jsonl'), '--workers', n)));
    expect(one!.code).toBe(0);
    expect(one!.stdout.split('\n').length).toBeGreaterThan(5);
    expect(two).toEqual(one);
    expect(four).toEqual(one);
  });

  it('reports the first bad line of the file, as one thread does, whichever worker holds it', async () => {
    // With 4 workers the example's lines 2 and 8 go to worker 1, lines 3 and 4 to worker 0 (cli/meeting-routes.ts).
    for (const [badLines, first] of [[[3, 7], ':4: version'], [[1, 2], ':2: version']] as const) {
      const bad = events.map((line, i) => ((badLines as readonly number[]).includes(i) ? line.replace('"version": 1', '"version": "one"') : line));
      const { 'events.jsonl': path } = tempFiles({ 'events.jsonl': bad.join('\n') });
      const one = await evaluate(path!);
      expect(one.code).toBe(2);
      expect(one.stderr).toContain(first);
      expect(await evaluate(path!, '--workers', '4')).toEqual(one);
    }
  });

  it('a line whose meeting id its text hides (a \\u escape) still gives the one-thread findings', async () => {
    // With 3 workers TDP2-03 lives in worker 2; its retraction cannot be routed by its text and goes to worker 0, so the run is redone in one thread.
    const retraction = '{"type": "MeetingRetracted", "eventId": "e-900", "meetingId": "\\u0054DP2-03", "recordedAt": "2026-03-01T00:00:00+07:00"}';
    expect(JSON.parse(retraction).meetingId).toBe('TDP2-03');
    const { 'events.jsonl': path } = tempFiles({ 'events.jsonl': [...events, retraction].join('\n') });
    const one = await evaluate(path!);
    expect(one.code).toBe(0);
    expect(one.stdout).not.toBe((await evaluate(file('events.jsonl'))).stdout);
    expect(await evaluate(path!, '--workers', '3')).toEqual(one);
  });

  it('refuses a number of workers it cannot use, naming --workers', async () => {
    for (const n of ['0', '17', 'two']) {
      const result = await evaluate(file('events.jsonl'), '--workers', n);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--workers');
    }
  });
});
