/**
 * "Ghi biên bản": the form a cell secretary records a meeting with, phone
 * first. Built from the draft (drafts.ts), which every change saves, so a
 * re-render, a reload or a lost connection keeps what was typed. The cells
 * are those the caller may record for on the meeting's date (GET /cells);
 * choosing one reads only that cell's members (GET /units/{id}/members).
 * "Lưu biên bản" sends one MeetingRecorded with the draft's eventId; without
 * a connection the outbox keeps it and sends it when the connection returns.
 */
import { api, ApiError } from './api.ts';
import { attendanceFields } from './attendance.ts';
import { fill, h } from './dom.ts';
import { clearDraft, loadDraft, newDraft, saveDraft, type Draft } from './drafts.ts';
import { lang, MEETING_KINDS, t, type Word } from './i18n.ts';
import { leadersPicker } from './leaders-picker.ts';
import { outboxPanel } from './outbox-panel.ts';
import { send, unreachable } from './outbox-queue.ts';
import { qualityFields } from './quality-fields.ts';
import { fieldErrors, issueText } from './record-errors.ts';
import { eligibleMembers, localFigures, toEvent } from './record-event.ts';
import { schedulePreview } from './record-preview.ts';
import { KINDS, type CellChoice, type QualitySheet, type UnitMembers } from './record-types.ts';
import { rememberSent } from './sent-records.ts';
import { serverNow, state } from './state.ts';
import { toInstant, vietnamDate } from './vietnam-time.ts';

let draft: Draft = loadDraft();
let cells: { date: string; list: CellChoice[] } | null = null;
let members: UnitMembers | null = null;
let sheets: QualitySheet[] | null = null;
let errors = new Map<string, string[]>();
/** What the last save did, said once under the button (and to screen readers). */
let notice: { text: string; kind: 'ok' | 'queued' | 'error' } | null = null;
let sending = false;
let slot: HTMLElement | null = null;

const nowIso = (): string => new Date(serverNow()).toISOString();
/** The day the cells and members are read for: the meeting's, else today in Vietnam. */
const dayOf = (d: Draft): string => (toInstant(d.start) ? d.start.slice(0, 10) : vietnamDate(serverNow()));

/** Opens the form on a draft (a correction from the drill-down), replacing the one being typed. */
export function openDraft(next: Draft): void {
  draft = next;
  errors = new Map();
  notice = null;
  members = null;
  saveDraft(draft);
}

export function recordView(): HTMLElement {
  slot = h('section', { id: 'record', 'aria-labelledby': 'record-title' });
  render();
  void load();
  return slot;
}

/** Reads what the draft needs that is not loaded yet: the day's cells, the cell's members, the score sheets. */
async function load(): Promise<void> {
  const day = dayOf(draft);
  try {
    const wanted: Array<Promise<unknown>> = [];
    if (cells?.date !== day) wanted.push(api<CellChoice[]>('GET', '/cells', { date: day }).then((list) => (cells = { date: day, list })));
    if (draft.unitId && (members?.unit.id !== draft.unitId || members.date !== day))
      wanted.push(api<UnitMembers>('GET', `/units/${encodeURIComponent(draft.unitId)}/members`, { date: day }).then((m) => (members = m)));
    sheets ??= await api<QualitySheet[]>('GET', '/quality-sheets').catch(() => null);
    if (wanted.length === 0) return;
    await Promise.all(wanted);
    if (members && draft.restPresent) {
      for (const m of eligibleMembers(members)) draft.attendance[m.id] ??= 'present';
      draft.restPresent = false;
      saveDraft(draft);
    }
    render();
  } catch (err) {
    notice = { text: unreachable(err) ? t('offlineLoad') : `${t('error')}: ${issueText((err as ApiError).error ?? (err as Error).message)}`, kind: 'error' };
    render();
  }
}

/** A change typed: saved at once; the form is rebuilt only when its shape changes (cell, date, kind, sheet, ticks). */
function changed(rerender: boolean): void {
  saveDraft(draft);
  if (rerender) {
    render();
    void load();
    return;
  }
  const figures = localFigures(draft, members);
  const count = document.querySelector('#rec-attendance .count');
  if (count) count.textContent = t('presentOf', { present: figures.present, eligible: figures.eligible });
  preview();
}

function preview(): void {
  const at = document.getElementById('record-preview');
  if (at) schedulePreview(at, draft, members, nowIso);
}

function field(key: string, word: Word, control: HTMLElement, hint?: string): HTMLElement {
  const error = errors.get(key);
  const described = [hint ? `hint-${key}` : '', error ? `err-${key}` : ''].filter(Boolean).join(' ');
  if (described) control.setAttribute('aria-describedby', described);
  if (error) control.setAttribute('aria-invalid', 'true');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, t(word)),
    control,
    hint ? h('p', { class: 'hint', id: `hint-${key}` }, hint) : null,
    error ? h('p', { class: 'field-error', id: `err-${key}` }, error.join(' ')) : null,
  );
}

const text = (id: string, value: string, set: (v: string) => void, attrs: Record<string, string | number | boolean> = {}) =>
  h('input', {
    id,
    value,
    ...attrs,
    oninput: (e) => {
      set((e.target as HTMLInputElement).value);
      changed(false);
    },
  });

function render(): void {
  if (!slot) return;
  const focused = document.activeElement?.id;
  const cellList = cells?.list ?? [];
  const chosen = cellList.find((c) => c.id === draft.unitId);
  const correcting = draft.version > 1;
  const formErrors = errors.get('form');
  fill(
    slot,
    h('h2', { id: 'record-title' }, correcting ? t('recordCorrectTitle', { version: draft.version }) : t('record')),
    outboxPanel(),
    h(
      'form',
      {
        id: 'record-form',
        novalidate: true,
        onsubmit: (e) => {
          e.preventDefault();
          void save();
        },
      },
      field(
        'unit',
        'cell',
        h(
          'select',
          {
            id: 'rec-unit',
            required: true,
            disabled: correcting,
            onchange: (e) => {
              draft.unitId = (e.target as HTMLSelectElement).value;
              draft.attendance = {};
              draft.leaderIds = [];
              changed(true);
            },
          },
          h('option', { value: '' }, cells === null ? t('loading') : t('chooseCell')),
          cellList.map((c) => h('option', { value: c.id, selected: c.id === draft.unitId }, c.name)),
          // A correction's cell may be gone from the day's list (dissolved since): it stays, named by its id.
          draft.unitId && !chosen ? h('option', { value: draft.unitId, selected: true }, members?.unit.name ?? draft.unitId) : null,
        ),
      ),
      field(
        'kind',
        'meetingKind',
        h(
          'select',
          {
            id: 'rec-kind',
            onchange: (e) => {
              draft.kind = (e.target as HTMLSelectElement).value as Draft['kind'];
              changed(true);
            },
          },
          KINDS.map((k) => h('option', { value: k, selected: k === draft.kind }, MEETING_KINDS[k]![lang()])),
        ),
      ),
      h(
        'div',
        { class: 'times' },
        field(
          'start',
          'startedAt',
          h('input', {
            id: 'rec-start',
            type: 'datetime-local',
            required: true,
            value: draft.start,
            onchange: (e) => {
              const before = dayOf(draft);
              draft.start = (e.target as HTMLInputElement).value;
              changed(dayOf(draft) !== before);
            },
          }),
          t('vietnamTimeHint'),
        ),
        field(
          'end',
          'endedAt',
          h('input', {
            id: 'rec-end',
            type: 'datetime-local',
            value: draft.end,
            onchange: (e) => {
              draft.end = (e.target as HTMLInputElement).value;
              changed(false);
            },
          }),
        ),
      ),
      field('topic', 'topic', text('rec-topic', draft.topic, (v) => (draft.topic = v), { type: 'text', maxlength: 1000, autocomplete: 'off' })),
      field('speakers', 'speakerCount', text('rec-speakers', draft.speakerCount, (v) => (draft.speakerCount = v), { type: 'number', inputmode: 'numeric', min: 0, step: 1 })),
      h(
        'div',
        { class: 'field check-field' },
        h(
          'label',
          { class: 'check' },
          h('input', {
            id: 'rec-resolution',
            type: 'checkbox',
            checked: draft.resolutionIssued,
            onchange: (e) => {
              draft.resolutionIssued = (e.target as HTMLInputElement).checked;
              changed(false);
            },
          }),
          h('span', {}, t('resolutionIssued')),
        ),
      ),
      members ? leadersPicker(draft, members, errors, () => changed(false)) : null,
      members ? attendanceFields(draft, members, errors, changed) : draft.unitId ? h('p', { 'aria-live': 'polite' }, t('loadingMembers')) : h('p', { class: 'hint' }, t('chooseCellFirst')),
      sheets && sheets.length > 0 ? qualityFields(draft, sheets, errors, changed) : null,
      h('section', { class: 'preview', 'aria-labelledby': 'preview-title' }, h('h3', { id: 'preview-title' }, t('previewTitle')), h('div', { id: 'record-preview', 'aria-live': 'polite' })),
      formErrors ? h('p', { class: 'field-error', id: 'err-form', role: 'alert' }, formErrors.join(' ')) : null,
      h('button', { type: 'submit', id: 'rec-save', class: 'primary wide', 'aria-disabled': sending ? 'true' : null }, t('saveRecord')),
      h('p', { id: 'rec-notice', role: 'status', tabindex: '-1', class: notice ? `notice notice-${notice.kind}` : 'notice' }, notice?.text ?? ''),
      correcting
        ? h(
            'button',
            {
              type: 'button',
              class: 'wide',
              onclick: () => {
                openDraft(newDraft());
                render();
              },
            },
            t('cancelCorrection'),
          )
        : null,
    ),
  );
  if (focused) document.getElementById(focused)?.focus();
  preview();
}

/** What the page itself refuses before asking the server: no cell, no start, members left unticked. */
function localErrors(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!draft.unitId) out.set('unit', [t('needCell')]);
  if (!toInstant(draft.start)) out.set('start', [t('needStart')]);
  const unticked = eligibleMembers(members).filter((m) => !draft.attendance[m.id]);
  if (draft.unitId && !members) out.set('attendance', [t('needMembers')]);
  if (unticked.length > 0) {
    out.set('attendance', [t('untickedMembers', { n: unticked.length })]);
    for (const m of unticked) out.set(`member-${m.id}`, [t('tickMember')]);
  }
  return out;
}

function focusFirstError(): void {
  const first = slot?.querySelector('[aria-invalid="true"], .field-error');
  (first instanceof HTMLElement && first.matches('[aria-invalid="true"]') ? first : (first?.closest('.field, fieldset')?.querySelector('input, select, button') as HTMLElement | null))?.focus();
}

async function save(): Promise<void> {
  if (sending) return;
  errors = localErrors();
  notice = null;
  if (errors.size > 0) {
    render();
    focusFirstError();
    return;
  }
  const event = toEvent(draft, members, nowIso());
  saveDraft(draft);
  const unitName = members?.unit.name ?? draft.unitId;
  sending = true;
  render();
  try {
    const sent = await send({ event, unitName, heldAt: event.heldAt });
    rememberSent(draft);
    notice = sent === null ? { text: t('queuedNotice', { unit: unitName }), kind: 'queued' } : { text: t(sent.accepted > 0 ? 'sentNotice' : 'sentAlready', { unit: unitName }), kind: 'ok' };
    // Sent or queued, the draft is done: a new one starts empty, without the cell's names.
    clearDraft();
    draft = newDraft();
    members = null;
    state.stale = true;
  } catch (err) {
    const e = err as ApiError;
    errors = e.issues.length > 0 ? fieldErrors(e.issues, event.attendance.map((a) => a.memberId)) : new Map([[e.status === 403 ? 'unit' : 'form', [issueText(e.error ?? e.message)]]]);
    notice = { text: t('notSaved'), kind: 'error' };
  } finally {
    sending = false;
  }
  render();
  if (errors.size > 0) focusFirstError();
  else document.getElementById('rec-notice')?.focus();
}
