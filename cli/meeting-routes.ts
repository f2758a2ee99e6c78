/**
 * Where each meeting's lines go when workers share an events file: every
 * worker reads every line and routes it the same way, without parsing it,
 * by the ids its text shows. A meeting goes where its first line went, with
 * its cell (shared/engine/partition.ts). Reading ids from text can be fooled
 * by a hostile line; the worker that parses the line checks the real id
 * routes to it, and the run starts over in one thread if not.
 */
import { meetingHome, ownerOf } from '../shared/engine/partition.ts';

const MEETING_ID = /"meetingId"\s*:\s*"([^"\\]*)"/;
const UNIT_ID = /"unitId"\s*:\s*"([^"\\]*)"/;

export class MeetingRoutes {
  private readonly owners = new Map<string, number>();

  constructor(private readonly count: number) {}

  /** The worker a line goes to: its meeting's; worker 0 for a line that shows no meeting id (it is an error, and worker 0 reports it). */
  route(text: string): number {
    const meetingId = MEETING_ID.exec(text)?.[1];
    if (meetingId === undefined) return 0;
    let owner = this.owners.get(meetingId);
    if (owner === undefined) {
      owner = ownerOf(meetingHome(meetingId, UNIT_ID.exec(text)?.[1]), this.count);
      this.owners.set(meetingId, owner);
    }
    return owner;
  }

  /** The worker holding a meeting; undefined for a meeting no line named. */
  owner(meetingId: string): number | undefined {
    return this.owners.get(meetingId);
  }
}
