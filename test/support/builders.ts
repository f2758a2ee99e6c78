/** Small builders for tests: an org, meeting events, and one call that evaluates them. */
import { readFileSync } from 'node:fs';
import { instantMs } from '../../shared/calendar/period.ts';
import { MeetingEvent, type MeetingRecorded, type MeetingRetracted } from '../../shared/contract/events.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import type { OrgSnapshot } from '../../shared/contract/org.ts';
import { Engine } from '../../shared/engine/engine.ts';
import { Ledger } from '../../shared/ledger/ledger.ts';
import type { OrgIndex } from '../../shared/org/org-index.ts';
import { parseOrg } from '../../shared/org/parse-org.ts';
import { ALWAYS_ON_PACK, BUILT_IN_PACKS } from '../../shared/rules/packs/index.ts';
import type { RulePack } from '../../shared/rules/rule-pack.ts';

export type OrgInput = { units: unknown[]; members?: unknown[]; leaders?: unknown[] };

/** Validate and index an org; a test's org that does not validate is a bug in the test. */
export function buildOrg(input: OrgInput): OrgIndex {
  const parsed = parseOrg({ members: [], leaders: [], ...input });
  if (!parsed.ok) throw new Error(`test org is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

export const EXAMPLE_DIR = new URL('../../examples/yen-bai-q1/', import.meta.url);

export function exampleOrgJson(): OrgSnapshot {
  return JSON.parse(readFileSync(new URL('org.json', EXAMPLE_DIR), 'utf8')) as OrgSnapshot;
}

export function exampleEvents(): MeetingEvent[] {
  return readFileSync(new URL('events.jsonl', EXAMPLE_DIR), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => MeetingEvent.parse(JSON.parse(l)));
}

let counter = 0;

type MeetingInput = Partial<Omit<MeetingRecorded, 'type'>> & Pick<MeetingRecorded, 'unitId' | 'heldAt'>;

/** A MeetingRecorded with defaults: a fresh eventId, version 1, a regular meeting recorded an hour after it began. */
export function meeting(input: MeetingInput): MeetingRecorded {
  counter++;
  return MeetingEvent.parse({
    type: 'MeetingRecorded',
    eventId: `e-${counter}`,
    meetingId: input.meetingId ?? `mt-${counter}`,
    version: 1,
    kind: 'regular',
    recordedAt: new Date(instantMs(input.heldAt) + 3600_000).toISOString(),
    attendance: [],
    ...input,
  }) as MeetingRecorded;
}

export function retraction(meetingId: string, recordedAt: string): MeetingRetracted {
  counter++;
  return MeetingEvent.parse({ type: 'MeetingRetracted', eventId: `e-${counter}`, meetingId, recordedAt }) as MeetingRetracted;
}

/** All members present except those listed with another status. */
export function attendance(memberIds: string[], others: Record<string, 'absent' | 'excused' | 'missing'> = {}) {
  return memberIds
    .filter((id) => others[id] !== 'missing')
    .map((id) => ({ memberId: id, status: (others[id] as 'absent' | 'excused' | undefined) ?? ('present' as const) }));
}

export function packs(...names: string[]): RulePack[] {
  return [ALWAYS_ON_PACK, ...names].map((n) => {
    const pack = BUILT_IN_PACKS.get(n);
    if (!pack) throw new Error(`no pack ${n}`);
    return pack;
  });
}

/** What `chibo evaluate` does: apply the events known at `asOf`, then read the findings. */
export function evaluate(org: OrgIndex, events: readonly MeetingEvent[], rulePacks: RulePack[], asOf: string, from?: string): Finding[] {
  const engine = new Engine(org, rulePacks);
  const ledger = new Ledger();
  const at = instantMs(asOf);
  for (const e of events) if (instantMs(e.recordedAt) <= at) engine.apply(ledger, e);
  return engine.findingsAt(ledger, at, from === undefined ? {} : { from: instantMs(from) });
}

/** "kind ruleId subjectType:subjectId period": enough to tell findings apart. */
export function keysOf(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.kind} ${f.ruleId} ${f.subject.type}:${f.subject.id} ${f.period}`);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}
