/**
 * "Sửa" and "Hủy biên bản" on a meeting of the drill-down, for a recorder
 * whose scope holds the cell. "Sửa" opens the form filled from what the
 * server lists (kind, time, who was excused; the whole attendance when the
 * counts show everyone else came) and from what this browser last sent,
 * with the next version. "Hủy biên bản" sends a MeetingRetracted with the
 * reason it requires.
 */
import type { CellMeeting } from '../../shared/contract/dashboard.ts';
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { newDraft, type Draft } from './drafts.ts';
import { t } from './i18n.ts';
import { newEventId } from './ids.ts';
import { send } from './outbox-queue.ts';
import { issueText } from './record-errors.ts';
import { forgetSent, sentRecord } from './sent-records.ts';
import { serverNow } from './state.ts';
import { toLocal } from './vietnam-time.ts';

/** GET /meetings says the meeting's version; this browser may have sent a later one still on its way. */
type Listed = CellMeeting;

export function correctionDraft(cellId: string, m: Listed): Draft {
  const mine = sentRecord(m.meetingId);
  const version = Math.max(m.version, mine?.version ?? 0) + 1;
  const attendance: Draft['attendance'] = Object.fromEntries(m.excused.map((x) => [x.id, 'excused' as const]));
  return {
    ...newDraft(),
    ...(mine ?? {}),
    eventId: newEventId(),
    meetingId: m.meetingId,
    version,
    unitId: cellId,
    kind: m.kind as Draft['kind'],
    start: toLocal(m.heldAt),
    attendance,
    // present + excused = eligible: nobody was absent without a reason, so everyone not excused came.
    restPresent: m.present !== null && m.eligible !== null && m.present + m.excused.length === m.eligible,
  };
}

export function meetingActions(cellId: string, unitName: string, m: Listed, onEdit: (d: Draft) => void, onRetracted: () => void): HTMLElement {
  const reasonId = `retract-reason-${m.meetingId}`;
  const problem = h('p', { class: 'field-error problem', role: 'alert' });
  const form = h(
    'form',
    {
      class: 'retract',
      hidden: true,
      // The page says what is missing, in its words and next to the field, rather than the browser's bubble.
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        const reason = (document.getElementById(reasonId) as HTMLTextAreaElement).value.trim();
        if (reason === '') {
          problem.textContent = t('needReason');
          (document.getElementById(reasonId) as HTMLElement).focus();
          return;
        }
        void (async () => {
          try {
            const sent = await send({ event: { type: 'MeetingRetracted', eventId: newEventId(), meetingId: m.meetingId, recordedAt: new Date(serverNow()).toISOString(), reason }, unitName, heldAt: m.heldAt });
            if (sent !== null) forgetSent(m.meetingId);
            onRetracted();
          } catch (err) {
            problem.textContent = issueText((err as ApiError).issues?.[0]?.message ?? (err as ApiError).error ?? (err as Error).message);
          }
        })();
      },
    },
    h('label', { for: reasonId }, t('retractReason')),
    h('textarea', { id: reasonId, rows: 2, required: true, maxlength: 1000 }),
    problem,
    h('button', { type: 'submit', class: 'danger' }, t('confirmRetract')),
  );
  return h(
    'div',
    { class: 'meeting-actions' },
    h('button', { type: 'button', class: 'edit', 'aria-describedby': `when-${m.meetingId}`, onclick: () => onEdit(correctionDraft(cellId, m)) }, t('edit')),
    h(
      'button',
      {
        type: 'button',
        class: 'retract-open',
        'aria-describedby': `when-${m.meetingId}`,
        'aria-expanded': 'false',
        onclick: (e) => {
          form.hidden = !form.hidden;
          (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!form.hidden));
          if (!form.hidden) (document.getElementById(reasonId) as HTMLElement).focus();
        },
      },
      t('retract'),
    ),
    form,
  );
}
