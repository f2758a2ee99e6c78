/** Settings the pipeline functions share, from the CDK context (cdk.json or `-c key=value`). */
import type { Node } from 'constructs';

export interface PipelineSettings {
  /** RULE_PACKS: packs that govern every unit, comma-separated (dieu-le always does). */
  readonly rulePacks?: string;
  /** MONITOR_FROM: the first month evaluated, YYYY-MM. */
  readonly monitorFrom?: string;
}

export function pipelineSettings(node: Node): PipelineSettings {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const rulePacks = text('rulePacks');
  const monitorFrom = text('monitorFrom');
  return { ...(rulePacks ? { rulePacks } : {}), ...(monitorFrom ? { monitorFrom } : {}) };
}

/** The environment variables shared/use-cases/pipeline-config.ts (pipelineConfig) reads. */
export function settingsEnvironment(settings: PipelineSettings): Record<string, string> {
  return {
    ...(settings.rulePacks ? { RULE_PACKS: settings.rulePacks } : {}),
    ...(settings.monitorFrom ? { MONITOR_FROM: settings.monitorFrom } : {}),
  };
}

/** How notices reach people on AWS (docs/operations.md, "Delivery"), from the CDK context; every one optional. */
export interface DeliverySettings {
  /** mailFrom → MAIL_FROM: the From of every e-mail (`chibo@thongbao.example.vn` or `Name <address>`); without it no e-mail is sent on AWS. */
  readonly mailFrom?: string;
  /** sesIdentity: the verified SES identity the From belongs to (a domain or the address); default the From's domain. The role may send as it alone. */
  readonly sesIdentity?: string;
  /** sesConfigurationSet → SES_CONFIGURATION_SET: an existing configuration set to send with (event publishing). */
  readonly sesConfigurationSet?: string;
  /** sesSandboxRecipients: verified recipient identities the role may also name while the SES account is in the sandbox (comma-separated). */
  readonly sesSandboxRecipients?: readonly string[];
  /** smsSenderId → SMS_SENDER_ID: a sender id registered for Vietnam. */
  readonly smsSenderId?: string;
  /** znsUrl → CHIBO_ZNS_URL: the ZNS endpoint; Zalo is used only when it is set. */
  readonly znsUrl?: string;
  /** znsTokenSecret → CHIBO_ZNS_TOKEN_SECRET: the name of the Secrets Manager secret holding the OA access token (required with znsUrl). */
  readonly znsTokenSecret?: string;
  /** znsTemplates → CHIBO_ZNS_TEMPLATES: the approved template ids by notice kind, JSON. */
  readonly znsTemplates?: string;
  /** publicUrl → CHIBO_PUBLIC_URL: where e-mails link findings; default the dashboard's CloudFront URL. */
  readonly publicUrl?: string;
}

/** The address inside `Name <address>`, or the whole. */
export const addressOf = (from: string): string => /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();

export function deliverySettings(node: Node): DeliverySettings {
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const mailFrom = text('mailFrom');
  const znsUrl = text('znsUrl');
  const znsTokenSecret = text('znsTokenSecret');
  if (znsUrl && !znsTokenSecret) throw new Error('context znsUrl is set without znsTokenSecret (the Secrets Manager secret holding the ZNS access token)');
  const sesIdentity = text('sesIdentity') ?? (mailFrom ? addressOf(mailFrom).split('@')[1] : undefined);
  const recipients = text('sesSandboxRecipients');
  const settings: Record<string, unknown> = {
    mailFrom,
    sesIdentity: mailFrom ? sesIdentity : undefined,
    sesConfigurationSet: text('sesConfigurationSet'),
    sesSandboxRecipients: recipients ? recipients.split(',').map((r) => r.trim()).filter((r) => r !== '') : undefined,
    smsSenderId: text('smsSenderId'),
    znsUrl,
    znsTokenSecret,
    znsTemplates: text('znsTemplates'),
    publicUrl: text('publicUrl'),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as DeliverySettings;
}
