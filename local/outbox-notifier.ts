/**
 * Notifications on one machine: one JSON object a line in the outbox, and a line on the console
 * with ids only: the console is a log (terminals, journald), and names of people stay out of logs.
 */
import { appendFile } from 'node:fs/promises';
import { printable } from '../shared/contract/printable.ts';
import type { Notification, Notifier } from '../shared/ports/notifier.ts';

const COLOUR: Record<string, string> = { reminder: '\x1b[33m', violation: '\x1b[31m', alert: '\x1b[35m', withdrawn: '\x1b[32m' };
const LABEL: Record<string, string> = { reminder: 'NHẮC NHỞ', violation: 'VI PHẠM', alert: 'CẢNH BÁO', withdrawn: 'ĐÃ RÚT LẠI' };

export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outboxFile: string,
    private readonly console: NodeJS.WritableStream | null,
  ) {}

  async publish(n: Notification): Promise<void> {
    await appendFile(this.outboxFile, `${JSON.stringify({ topic: n.topic, subject: n.subject, body: n.body, attributes: n.attributes })}\n`);
    if (!this.console) return;
    const kind = n.attributes.kind;
    const colour = (this.console as { isTTY?: boolean }).isTTY ? (COLOUR[kind] ?? '') : '';
    const reset = colour ? '\x1b[0m' : '';
    const { recipientId, ruleId, unitId, period } = n.attributes;
    // A meeting by its unit and date (a unit's name, never a person's); anything else by its unit's id.
    this.console.write(`${colour}[${LABEL[kind] ?? kind}]${reset} → ${recipientId}: ${ruleId} · ${printable(n.meeting ?? unitId)} · ${period}\n`);
  }
}
