/**
 * The demo a first start seeds: a ward-level organisation of two communes and
 * about twenty cells (Vietnamese names, leaders with assignments, the
 * provincial packs bound at the province), and the first quarter of 2026
 * replayed day by day in simulated time, each morning's sweep included, so
 * reminders and violations appear within seconds.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProvince } from '../bench/generate-province.ts';
import { DAY_MS, formatInstant, instantMs } from '../shared/calendar/period.ts';
import { MeetingEvent } from '../shared/contract/events.ts';
import { parseOrg } from '../shared/org/parse-org.ts';
import { BUILT_IN_PACKS, ALWAYS_ON_PACK } from '../shared/rules/packs/index.ts';
import { quality } from '../shared/rules/packs/quality.ts';
import type { Runtime } from './runtime.ts';

const FIRST_SWEEP = instantMs('2026-01-01T06:00:00+07:00');
export const DEMO_UNTIL = instantMs('2026-04-04T06:00:00+07:00');

export async function seedDemo(runtime: Runtime, log: (line: string) => void): Promise<{ events: number; units: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-demo-'));
  try {
    await generateProvince({ seed: 2026, cells: 20, cellsPerCommune: 10, outDir: dir });
    const json = JSON.parse(await readFile(join(dir, 'org.json'), 'utf8')) as Record<string, unknown>;
    const root = (json['units'] as Array<{ id: string; parentId: string | null }>).find((u) => u.parentId === null)!.id;
    // The demo's generated records carry no score sheets: the quality pack would flag every meeting unscored.
    const bindings = [...BUILT_IN_PACKS.keys()].filter((p) => p !== ALWAYS_ON_PACK && p !== quality.id).map((pack) => ({ pack, unitId: root, from: '2019-04-16' }));
    const parsed = parseOrg({ ...json, packs: bindings });
    if (!parsed.ok) throw new Error(`demo org: ${JSON.stringify(parsed.issues[0])}`);
    await runtime.api.orgStore.replace(parsed.value.snapshot);

    const events = (await readFile(join(dir, 'events.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => MeetingEvent.parse(JSON.parse(l)))
      .filter((e) => instantMs(e.recordedAt) <= DEMO_UNTIL)
      .sort((a, b) => instantMs(a.recordedAt) - instantMs(b.recordedAt));
    log(`Demo: ${parsed.value.snapshot.units.length} đơn vị, ${parsed.value.snapshot.members.length} đảng viên; phát lại quý I/2026 (${events.length} sự kiện) …`);
    let next = 0;
    for (let day = FIRST_SWEEP; day <= DEMO_UNTIL; day += DAY_MS) {
      const due: MeetingEvent[] = [];
      while (next < events.length && instantMs(events[next]!.recordedAt) <= day) due.push(events[next++]!);
      for (const e of due) {
        runtime.timeTravel(instantMs(e.recordedAt));
        await runtime.api.bus.put([e]);
      }
      runtime.timeTravel(day);
      await runtime.sweepAll(formatInstant(day));
    }
    runtime.timeTravel(null);
    return { events: events.length, units: parsed.value.snapshot.units.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
