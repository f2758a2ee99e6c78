/** How notices reach people, from the environment (docs/operations.md, "Delivery"), alike on AWS and on one machine. */
import * as z from 'zod';

/** The ZNS templates, by what they announce: each is approved by Zalo with the fields of shared/delivery/short-message.ts. */
export const ZnsTemplates = z.strictObject({
  reminder: z.string().min(1).optional(),
  violation: z.string().min(1).optional(),
  alert: z.string().min(1).optional(),
  withdrawn: z.string().min(1).optional(),
  digest: z.string().min(1).optional(),
});
export type ZnsTemplates = z.infer<typeof ZnsTemplates>;

export interface DeliveryConfig {
  /** The dashboard (CHIBO_PUBLIC_URL): e-mails link each finding there. */
  publicUrl?: string | undefined;
  znsTemplates: ZnsTemplates;
  /** Tries of one send before its failure goes back to the queue; the waits between them double from `backoffMs`. */
  attempts: number;
  backoffMs: number;
  /** How long a claimed send is another delivery's to finish before it may be taken over. */
  leaseMs: number;
}

const Env = z.object({
  CHIBO_PUBLIC_URL: z.url().optional(),
  CHIBO_ZNS_TEMPLATES: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return {};
      try {
        return ZnsTemplates.parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'expected JSON such as {"reminder":"301234","violation":"301235","alert":"301236","withdrawn":"301237","digest":"301238"}' });
        return z.NEVER;
      }
    }),
  CHIBO_DELIVERY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  CHIBO_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  CHIBO_DELIVERY_LEASE_MS: z.coerce.number().int().min(1000).default(5 * 60_000),
});

/** The delivery settings; a bad one throws, naming the variable (never its value: a URL may hold a password). */
export function deliveryConfig(env: Readonly<Record<string, string | undefined>>): DeliveryConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  return { publicUrl: e.CHIBO_PUBLIC_URL, znsTemplates: e.CHIBO_ZNS_TEMPLATES, attempts: e.CHIBO_DELIVERY_ATTEMPTS, backoffMs: e.CHIBO_DELIVERY_BACKOFF_MS, leaseMs: e.CHIBO_DELIVERY_LEASE_MS };
}
