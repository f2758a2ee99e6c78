/**
 * One share of a `chibo evaluate` run split N ways (cli/evaluate-in-workers.ts):
 * it reads every line to learn where each meeting lives, checks and applies
 * the events of its own meetings, hands the entries of subjects it does not
 * own to their owners, and makes the findings of the subjects it owns. A
 * worker thread runs one; the tests run several in one thread.
 */
import { instantMs } from '../shared/calendar/period.ts';
import { findingSortKey, type Subject } from '../shared/contract/findings.ts';
import { earliestHeldAt } from '../shared/engine/engine.ts';
import { outgoingParcels, subjectOwner, type Parcel, type Partition } from '../shared/engine/partition.ts';
import { Ledger } from '../shared/ledger/ledger.ts';
import { prepareEvaluation, type EvaluateArgs, type Evaluation } from './evaluation-setup.ts';
import { MeetingRoutes } from './meeting-routes.ts';
import { readEvents } from './read-events.ts';

export interface AppliedShare {
  /** Every line this share parsed routed to it by its parsed meeting id too. */
  exact: boolean;
  /** When this share's earliest meeting that counts was held (the instant when none). */
  earliest: number;
  /** Event ids this share applied: two shares applying one id would differ from one thread. */
  eventIds: string[];
  /** By share index: the entries whose subject that share owns, and the meetings they name. */
  outgoing: Parcel[];
}

export interface ShareFindings {
  /** findingSortKey of each finding, in order. */
  keys: string[];
  /** The findings as JSON lines, in the same order. */
  lines: string[];
}

export class EvaluationShare {
  private readonly ledger = new Ledger();
  private readonly routes: MeetingRoutes;

  private constructor(
    private readonly args: EvaluateArgs,
    private readonly partition: Partition,
    private readonly run: Evaluation,
  ) {
    this.routes = new MeetingRoutes(partition.count);
  }

  static async open(args: EvaluateArgs, partition: Partition): Promise<EvaluationShare> {
    return new EvaluationShare(args, partition, await prepareEvaluation(args));
  }

  async apply(): Promise<AppliedShare> {
    const { asOf, org, engine, schema } = this.run;
    const { ledger, routes, partition } = this;
    let exact = true;
    const select = (text: string): boolean => routes.route(text) === partition.index;
    for await (const { event } of readEvents(this.args.events, org, schema, { select })) {
      // The line was routed by the id its text shows; the parsed id must route here too, or a meeting could be split.
      if (routes.owner(event.meetingId) !== partition.index) exact = false;
      if (instantMs(event.recordedAt) <= asOf) engine.apply(ledger, event);
    }
    const outgoing = outgoingParcels(ledger, partition, (s) => this.ownerOf(s));
    for (const parcel of outgoing) for (const entry of parcel.entries) ledger.drop(entry);
    return { exact, earliest: earliestHeldAt(ledger, asOf), eventIds: [...ledger.eventIds], outgoing };
  }

  /** The findings of the subjects this share owns, once the others' entries of them are in. */
  findings(from: number, incoming: readonly Parcel[]): ShareFindings {
    for (const parcel of incoming) {
      for (const meeting of parcel.meetings) this.ledger.adopt(meeting);
      for (const entry of parcel.entries) this.ledger.merge(entry);
    }
    const findings = this.run.engine.findingsAt(this.ledger, this.run.asOf, { from, owns: (s) => this.ownerOf(s) === this.partition.index });
    return { keys: findings.map(findingSortKey), lines: findings.map((f) => JSON.stringify(f)) };
  }

  private ownerOf(subject: Subject): number {
    return subjectOwner(subject, this.run.org, this.partition.count, (id) => this.routes.owner(id));
  }
}
