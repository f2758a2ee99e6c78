/**
 * The contact directory (PUT /contacts, `chibo import contacts`): how each
 * recipient of the findings is reached. Contacts are personal data: they are
 * stored and used to send, and never written to a log, a metric or an error.
 */
import * as z from 'zod';
import { Id, Text } from './primitives.ts';

export const Channel = z.enum(['email', 'sms', 'zalo']);
export type Channel = z.infer<typeof Channel>;

/** A leader id, or `ubkt:<unitId>`: the inspection committee (ủy ban kiểm tra) of that unit, as findings name their recipients. */
export const RecipientId = Id;

/** A Vietnamese mobile number in E.164: +84 and 9 digits (the leading 0 of 09x… dropped). */
export const PhoneNumber = z.string().regex(/^\+84[1-9]\d{8}$/, 'expected a phone number in E.164 form, +84 and 9 digits, e.g. +84912345678');

/** A plain address (local@domain.tld), no display name, no spaces: what an SMTP RCPT TO and SES take. */
export const EmailAddress = z.email({ message: 'expected an e-mail address such as ten@example.vn' }).max(254);

/** The address each channel needs. */
export const ADDRESS_FIELD = { email: 'email', sms: 'phone', zalo: 'zalo' } as const satisfies Record<Channel, string>;

export const Contact = z
  .strictObject({
    recipient: RecipientId,
    name: Text,
    email: EmailAddress.optional(),
    phone: PhoneNumber.optional(),
    /** The phone number registered with Zalo (Zalo Notification Service sends to it). */
    zalo: PhoneNumber.optional(),
    channels: z
      .array(Channel)
      .min(1, 'at least one channel: email, sms or zalo')
      .refine((cs) => new Set(cs).size === cs.length, 'a channel is listed twice'),
    /** `immediate`: one message per notice; `daily`: one message a day at 07:00 Asia/Ho_Chi_Minh. */
    digest: z.enum(['immediate', 'daily']),
    language: z.enum(['vi', 'en']).default('vi'),
  })
  .superRefine((c, ctx) => {
    for (const channel of c.channels) {
      const field = ADDRESS_FIELD[channel];
      if (c[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `channel "${channel}" needs ${field === 'email' ? 'an e-mail address' : 'a phone number'} in "${field}"` });
    }
  });
export type Contact = z.infer<typeof Contact>;

/** The body of PUT /contacts. A recipient appears once. */
export const ContactDirectory = z.strictObject({
  contacts: z
    .array(Contact)
    .max(100_000)
    .superRefine((contacts, ctx) => {
      const seen = new Map<string, number>();
      contacts.forEach((c, i) => {
        const first = seen.get(c.recipient);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'recipient'], message: `recipient "${c.recipient}" is already listed at contacts.${first}` });
        else seen.set(c.recipient, i);
      });
    }),
});
export type ContactDirectory = z.infer<typeof ContactDirectory>;

/** A contact as stored: with the province whose admins manage it. */
export type PlacedContact = Contact & { provinceId: string };

/** The unit of an inspection committee's recipient id, or null for a leader id. */
export function committeeUnitOf(recipient: string): string | null {
  return recipient.startsWith('ubkt:') ? recipient.slice('ubkt:'.length) : null;
}
