/**
 * The outbox as the secretary sees it: each record not yet accepted, marked
 * "Chưa gửi" (or why the server refused it, with "Bỏ" to drop it), and a line
 * when one goes through. It refreshes itself as the queue changes.
 */
import { fill, h } from './dom.ts';
import { dateTime } from './format.ts';
import { t } from './i18n.ts';
import { discard, flush, onQueueChange, onSent, queued } from './outbox-queue.ts';

let lastSent: string | null = null;
let wired = false;

function entries(): Array<HTMLElement | null> {
  const list = queued();
  return [
    list.length === 0
      ? null
      : h(
          'ul',
          { class: 'outbox-list' },
          list.map((q) =>
            h(
              'li',
              { class: q.refused ? 'outbox-refused' : 'outbox-waiting', 'data-event': q.event.eventId },
              h('strong', { class: 'badge badge-unsent' }, q.refused ? t('refused') : t('unsent')),
              ' ',
              q.event.type === 'MeetingRetracted' ? t('outboxRetraction', { unit: q.unitName }) : t('outboxRecord', { unit: q.unitName, at: q.heldAt ? dateTime(q.heldAt) : '' }),
              q.refused ? h('span', { class: 'hint' }, ` — ${q.refused}`) : null,
              q.refused ? h('button', { type: 'button', onclick: () => discard(q.event.eventId) }, t('discard')) : null,
            ),
          ),
        ),
    list.some((q) => !q.refused) ? h('button', { type: 'button', id: 'outbox-retry', onclick: () => void flush() }, t('sendNow')) : null,
    lastSent ? h('p', { class: 'notice notice-ok' }, lastSent) : null,
  ];
}

export function outboxPanel(): HTMLElement {
  if (!wired) {
    wired = true;
    onQueueChange(() => {
      const at = document.getElementById('outbox');
      if (at) fill(at, entries());
    });
    onSent((sent) => {
      if (!sent.fromQueue) return;
      if (sent.event.type === 'MeetingRecorded') lastSent = t('outboxSent', { at: dateTime(sent.event.heldAt) });
      else lastSent = t('outboxRetracted');
      const at = document.getElementById('outbox');
      if (at) fill(at, entries());
    });
  }
  return h('section', { id: 'outbox', class: 'outbox', 'aria-live': 'polite', 'aria-label': t('outboxLabel') }, entries());
}
