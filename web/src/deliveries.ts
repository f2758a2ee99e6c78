/**
 * How each finding's notices went out, from the delivery log (GET /deliveries):
 * per recipient, the channel and what became of it. The log names recipients
 * by id and never holds an address; the page never asks for contacts.
 */
import type { DeliveryRecord } from '../../shared/contract/deliveries.ts';
import type { Finding } from '../../shared/contract/findings.ts';
import { api, ApiError } from './api.ts';
import { h } from './dom.ts';
import { identityOf, shortTime } from './identity.ts';
import { lang, t, type Word } from './i18n.ts';
import { state } from './state.ts';

/** A finding's identity → its delivery records; null when the caller may not read the log (a recorder: 403). */
export type DeliveryIndex = Map<string, DeliveryRecord[]>;

/** One request per inbox load, for the whole subtree: matched to the findings on the page, not fetched per row. */
export async function loadDeliveries(unit: string | undefined): Promise<DeliveryIndex | null> {
  let records: DeliveryRecord[];
  try {
    records = await api<DeliveryRecord[]>('GET', '/deliveries', { unit });
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    throw err;
  }
  const index: DeliveryIndex = new Map();
  for (const r of records) {
    // A digest's own record names no finding; the notices it carried have records of their own.
    if (r.notice === null) continue;
    const id = identityOf(r.notice);
    index.set(id, [...(index.get(id) ?? []), r]);
  }
  return index;
}

const CHANNEL: Record<string, string> = { email: 'e-mail', sms: 'SMS', zalo: 'Zalo' };

/** The server's reasons are English, for operators; the ones it is known to give are said in Vietnamese too. */
function reasonText(reason: string | undefined): string {
  const r = reason ?? '';
  if (lang() === 'en') return r;
  if (r === 'no contact for this recipient in the directory') return 'chưa có liên hệ trong danh bạ';
  const channel = /^no (email|sms|zalo) channel is configured here$/.exec(r);
  if (channel) return `máy chủ chưa cấu hình kênh ${CHANNEL[channel[1]!]}`;
  const address = /^the contact has no (email|phone|zalo)$/.exec(r);
  if (address) return `liên hệ không có ${address[1] === 'email' ? 'địa chỉ e-mail' : address[1] === 'phone' ? 'số điện thoại' : 'số Zalo'}`;
  return r;
}

export function recipientName(recipient: string): string {
  if (recipient.startsWith('ubkt:')) {
    const unitId = recipient.slice('ubkt:'.length);
    return t('committeeOf', { unit: state.heatmap?.rows.find((r) => r.unitId === unitId)?.name ?? unitId });
  }
  return state.heatmap?.leaders.find((l) => l.id === recipient)?.name ?? recipient;
}

/** "đã gửi qua e-mail 07:00 05/04", "lỗi: …", "chờ bản tin hằng ngày", "không gửi được: …". */
export function deliveryStatusText(r: DeliveryRecord): string {
  const channel = r.channel === null ? '' : CHANNEL[r.channel]!;
  const via = (withChannel: Word, without: Word, values: Record<string, string> = {}) => t(channel ? withChannel : without, { channel, ...values });
  switch (r.status) {
    case 'sent':
      return `${via('deliverySent', 'deliverySentNoChannel', { at: shortTime(r.at) })}${r.digest !== null ? ` (${t('deliveryInDigest')})` : ''}`;
    case 'sending':
      return via('deliverySending', 'deliverySendingNoChannel');
    case 'failed':
      return via('deliveryFailed', 'deliveryFailedNoChannel', { reason: reasonText(r.reason) });
    case 'waiting':
      return t('deliveryWaiting');
    case 'undeliverable':
      return via('deliveryUndeliverable', 'deliveryUndeliverableNoChannel', { reason: reasonText(r.reason) });
  }
}

const ORDER = (a: DeliveryRecord, b: DeliveryRecord): number =>
  a.recipient.localeCompare(b.recipient) || (a.notice?.stage === b.notice?.stage ? 0 : a.notice?.stage === 'raised' ? -1 : 1) || (a.channel ?? '').localeCompare(b.channel ?? '');

/** The cell of one finding: a line per recipient, channel and stage; "chưa gửi" when the log holds nothing for it. */
export function deliveryCell(f: Pick<Finding, 'kind' | 'ruleId' | 'subject' | 'period'>, index: DeliveryIndex): HTMLElement {
  const records = [...(index.get(identityOf(f)) ?? [])].sort(ORDER);
  if (records.length === 0) return h('td', { class: 'deliveries' }, h('span', { class: 'delivery delivery-none' }, t('deliveryNone')));
  return h(
    'td',
    { class: 'deliveries' },
    h(
      'ul',
      { 'aria-label': t('deliveries') },
      records.map((r) =>
        h(
          'li',
          { class: `delivery delivery-${r.status}`, 'data-recipient': r.recipient, 'data-status': r.status, 'data-stage': r.notice?.stage ?? null },
          h('span', { class: 'recipient' }, recipientName(r.recipient)),
          r.notice?.stage === 'withdrawn' ? ` (${t('deliveryWithdrawn')})` : '',
          ': ',
          h('span', { class: 'delivery-status' }, deliveryStatusText(r)),
        ),
      ),
    ),
  );
}
