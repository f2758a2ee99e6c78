/**
 * What the record will do, shown before it is saved: from POST
 * /events/preview, which runs the server's own core on the record and stores
 * nothing (so the page holds no second copy of the rules). Without a
 * connection the page says what it can work out itself, the attendance rate
 * and the duration, and that the rules need the connection.
 */
import { api, ApiError } from './api.ts';
import { fill, h } from './dom.ts';
import type { Draft } from './drafts.ts';
import { lang, t } from './i18n.ts';
import { issueText } from './record-errors.ts';
import { localFigures, toEvent } from './record-event.ts';
import type { RecordPreview, UnitMembers } from './record-types.ts';
import { unreachable } from './outbox-queue.ts';

const WAIT_MS = 400;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Answers to older requests are dropped: only the newest draft's preview is shown. */
let asked = 0;

const percent = (present: number, eligible: number): string => `${eligible === 0 ? 0 : Math.round((present * 1000) / eligible) / 10}%`;

function figures(present: number, eligible: number, minutes: number | null): HTMLElement[] {
  return [
    h('li', { class: 'rate' }, t('previewRate', { rate: percent(present, eligible), present, eligible })),
    h('li', { class: 'duration' }, minutes === null ? t('previewNoDuration') : t('previewDuration', { minutes })),
  ];
}

function shown(preview: RecordPreview): HTMLElement[] {
  const a = preview.attendance;
  return [
    h('ul', { class: 'figures' }, figures(a.present, a.eligible, preview.durationMinutes)),
    preview.checks.length === 0
      ? h('p', {}, t('previewNoChecks'))
      : h(
          'ul',
          { class: 'checks' },
          preview.checks.map((c) =>
            h(
              'li',
              { class: `check-${c.outcome}`, 'data-rule': c.ruleId, 'data-outcome': c.outcome },
              h('span', { class: 'outcome' }, c.outcome === 'breaches' ? `✗ ${t('breaches')}` : `✓ ${t('satisfies')}`),
              ' ',
              c.message[lang()],
              // A rule's message already ends with its document ("… (Hướng dẫn 12-HD/BTCTW)"): the full citation only when it does not.
              ...(c.message[lang()].includes(c.citation.split(' (')[0]!) ? [] : [' ', h('span', { class: 'citation' }, `(${c.citation})`)]),
            ),
          ),
        ),
  ];
}

/** Asks for the preview once typing pauses; `ready` says whether the draft is complete enough to ask. */
export function schedulePreview(slot: HTMLElement, draft: Draft, members: UnitMembers | null, now: () => string): void {
  if (timer !== null) clearTimeout(timer);
  const mine = ++asked;
  const local = localFigures(draft, members);
  if (!draft.unitId || !draft.start || !members) {
    fill(slot, h('p', { class: 'hint' }, t('previewNeeds')));
    return;
  }
  timer = setTimeout(() => {
    void (async () => {
      slot.setAttribute('aria-busy', 'true');
      try {
        const preview = await api<RecordPreview>('POST', '/events/preview', {}, toEvent(draft, members, now()));
        if (mine === asked) fill(slot, shown(preview));
      } catch (err) {
        if (mine !== asked) return;
        if (unreachable(err)) fill(slot, h('ul', { class: 'figures' }, figures(local.present, local.eligible, local.minutes)), h('p', { class: 'offline' }, t('previewOffline')));
        else
          fill(
            slot,
            h('ul', { class: 'figures' }, figures(local.present, local.eligible, local.minutes)),
            h('p', { class: 'hint' }, t('previewRefused')),
            h('ul', { class: 'preview-issues' }, (err as ApiError).issues.length > 0 ? (err as ApiError).issues.map((i) => h('li', {}, issueText(i.message))) : h('li', {}, issueText((err as ApiError).error ?? (err as Error).message))),
          );
      } finally {
        if (mine === asked) slot.removeAttribute('aria-busy');
      }
    })();
  }, WAIT_MS);
}
