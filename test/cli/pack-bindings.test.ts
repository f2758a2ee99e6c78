/** `chibo evaluate` with an org that binds packs to parts of its tree. */
import { describe, expect, it } from 'vitest';
import { exampleOrgJson } from '../support/builders.ts';
import { runCli, tempFiles } from '../support/cli.ts';
import { readFileSync } from 'node:fs';

const events = readFileSync(new URL('../../examples/yen-bai-q1/events.jsonl', import.meta.url), 'utf8');
const AS_OF = '2026-04-04T00:00:00+07:00';
const ruleIds = (stdout: string) => [...new Set(stdout.trim().split('\n').map((l) => (JSON.parse(l) as { ruleId: string }).ruleId))].sort();

describe('chibo evaluate with pack bindings', () => {
  it('applies a pack the org binds, without --packs, where it is bound', async () => {
    const org = { ...exampleOrgJson(), packs: [{ pack: 'yb-qd18', unitId: 'LC.NL', from: '2019-04-16' }] };
    const files = tempFiles({ 'org.json': JSON.stringify(org), 'events.jsonl': events });
    const bound = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, '--as-of', AS_OF]);
    const named = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, '--as-of', AS_OF, '--packs', 'yb-qd18']);
    expect(bound.code).toBe(0);
    expect(ruleIds(bound.stdout)).toContain('yb-qd18/commune-monthly');
    expect(bound.stdout).toBe(named.stdout);
  });

  it('a binding from a date after the quarter binds nothing yet', async () => {
    const org = { ...exampleOrgJson(), packs: [{ pack: 'yb-qd18', unitId: 'LC.NL', from: '2026-06-01' }] };
    const files = tempFiles({ 'org.json': JSON.stringify(org), 'events.jsonl': events });
    const res = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, '--as-of', AS_OF]);
    expect(res.code).toBe(0);
    expect(ruleIds(res.stdout).filter((id) => id.startsWith('yb-qd18/'))).toEqual([]);
  });

  it('an unknown pack in a binding: exit 2 naming the field', async () => {
    const org = { ...exampleOrgJson(), packs: [{ pack: 'xx-none', unitId: 'LC.NL', from: '2026-01-01' }] };
    const files = tempFiles({ 'org.json': JSON.stringify(org), 'events.jsonl': events });
    const res = await runCli(['evaluate', '--org', files['org.json']!, '--events', files['events.jsonl']!, '--as-of', AS_OF]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('packs[0].pack: unknown pack "xx-none"');
  });
});
