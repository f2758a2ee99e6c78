/**
 * Public AWS on-demand list prices used by bench/cost.ts, region
 * ap-southeast-1 (Asia Pacific, Singapore: the nearest region to Vietnam)
 * unless `region` says otherwise, in USD, WITHOUT any free tier.
 *
 * There was no internet access when this was written: every figure was found
 * in stored public material (AWS Price List offer files quoted in public
 * repositories, AWS pages, and third-party pricing articles). `source` is the
 * primary address the figure comes from; `foundOn` is where it was actually
 * read (a repository file "owner/repo:path", or a web page). `date` is the
 * publication date of the price-list offer, or of the page. A figure that is
 * only published for us-east-1 in what was found says so in `region` and
 * `note`. Prices change: re-check the offer files before relying on a figure
 * (https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<offer>/current/ap-southeast-1/index.json).
 *
 * Always-free allowances are listed apart (FREE_TIERS) and are only applied
 * by bench/cost.ts when asked to.
 */

export type PriceRegion = 'ap-southeast-1' | 'us-east-1' | 'ap-southeast-2 (applied to ap-southeast-1)' | 'not stated';

export interface Price {
  /** USD per `unit`; null when no published figure was found. */
  usd: number | null;
  unit: string;
  region: PriceRegion;
  /** YYYY-MM-DD: publication date of the offer file or of the page. */
  date: string;
  /** The primary address of the figure. */
  source: string;
  /** Where the figure was read. */
  foundOn: string;
  note?: string;
}

const OFFERS = 'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws';
/** ap-southeast-1 Price List figures quoted (with SKU and offer URL) in a public repository, generated 2026-09-02. */
const OVERHEAD = 'github.com/jomspangilinan/overhead:data/pricing.ap-southeast-1.json (generatedAt 2026-09-02, commit 082d686)';
/** ap-southeast-1 Price List figures quoted (with usagetype and offer URL) in a public repository, fetched 2026-09-25. */
const SPOH = 'github.com/aadk979/SPOH_2027:remediation/reports/P05/pricing/prices.json (fetchedAt 2026-09-25, commit 6f5149c)';

export const PRICES = {
  // ── DynamoDB (on-demand, Standard table class) ────────────────────────────
  ddbWriteRequestUnit: {
    usd: 0.71 / 1e6,
    unit: 'write request unit (1 KB standard write)',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AmazonDynamoDB/20260831092153/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU PZTVP859DVDCGT8X, "$0.71 per million write request units (Asia Pacific (Singapore))". Same figure in the ap-south-1 and ap-southeast-2 offers of Aug–Sep 2026; us-east-1 is $0.625 (after the Nov 2024 cut).',
  },
  ddbReadRequestUnit: {
    usd: 0.1425 / 1e6,
    unit: 'read request unit (4 KB strongly consistent, or two eventually consistent)',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AmazonDynamoDB/20260831092153/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU XF4WN9CQUFPSY9SQ, "$0.1425 per million read request units (Asia Pacific (Singapore))"; us-east-1 is $0.125.',
  },
  ddbStorageGbMonth: {
    usd: 0.285,
    unit: 'GB-month of table + index storage',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AmazonDynamoDB/20260831092153/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU YCMS8QPJ7DRVHAXD, "$0.285 per GB-Month of storage used beyond first 25 free GB-Months" (the 25 GB are in FREE_TIERS).',
  },
  ddbPitrGbMonth: {
    usd: 0.228,
    unit: 'GB-month of table size with point-in-time recovery on',
    region: 'ap-southeast-2 (applied to ap-southeast-1)',
    date: '2026-08-13',
    source: `${OFFERS}/AmazonDynamoDB/current/ap-southeast-2/index.json`,
    foundOn: 'a stored public repository document quoting the ap-southeast-2 offer as reported on 2026-08-13 (the search index gave no repository name); the same $0.228 is quoted for ap-south-1 (price list of 2026-09-11) and ap-northeast-1 (2026-09-11)',
    note: 'No ap-southeast-1 PITR figure was found. Sydney, Mumbai and Tokyo, whose storage price is also $0.285, all list $0.228 (0.8 × storage); us-east-1 is $0.20 (USW2-TimedPITRStorage-ByteHrs $0.20 in another stored document). Assumed $0.228 for Singapore.',
  },

  // ── Lambda (arm64) ────────────────────────────────────────────────────────
  lambdaRequest: {
    usd: 0.2 / 1e6,
    unit: 'request (invocation)',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AWSLambda/20260831092318/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU 36D3E7396ZKUSWWW "AWS Lambda - Total Requests - Asia Pacific (Singapore)" $0.0000002; the arm64 usagetype APS1-Request-ARM is the same $0.0000002 (another stored document, Price List API, 2026-08-12).',
  },
  lambdaGbSecondArm: {
    usd: 0.0000133334,
    unit: 'GB-second, arm64, first 7.5 billion GB-s a month',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AWSLambda/20260831092318/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU KSD76ZR243WEPWRS "AWS Lambda - Total Compute for ARM - Asia Pacific (Singapore)-Tier-1". Since 2025-08-01 the INIT phase of on-demand ZIP functions on managed runtimes is billed too (AWS Compute Blog "AWS Lambda standardizes billing for INIT Phase", seen via vuink.com mirror).',
  },

  // ── EventBridge ───────────────────────────────────────────────────────────
  eventBridgeCustomEvent: {
    usd: 1 / 1e6,
    unit: 'custom event put on a bus (per 64 KB chunk)',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AWSEvents/20260831092301/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU RZ96P23DAHE4QM2T "$1.00 per million EventBridge custom events received in Asia Pacific (Singapore)", unit 64K-Chunks.',
  },
  eventBridgeArchiveProcessingGb: {
    usd: 0.1,
    unit: 'GB of events archived (processing)',
    region: 'us-east-1',
    date: '2026-03-13',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    foundOn: 'https://cloudburn.io/blog/amazon-eventbridge-pricing ("Archive/Replay: $0.10/GB + $0.023/GB/mo + $1.00/M", us-east-1, March 2026)',
    note: 'us-east-1 only. factualminds.com (June 2026) summarises archive as "$0.10/GB-month"; cloudburn splits it into $0.10/GB archived + $0.023/GB-month stored, used here.',
  },
  eventBridgeArchiveStorageGbMonth: {
    usd: 0.023,
    unit: 'GB-month of archived events',
    region: 'us-east-1',
    date: '2026-03-13',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    foundOn: 'https://cloudburn.io/blog/amazon-eventbridge-pricing',
    note: 'us-east-1 only; see eventBridgeArchiveProcessingGb.',
  },
  schedulerInvocation: {
    usd: 1 / 1e6,
    unit: 'EventBridge Scheduler invocation',
    region: 'us-east-1',
    date: '2026-03-13',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    foundOn: 'https://cloudburn.io/blog/amazon-eventbridge-pricing ("Scheduler | Per million invocations | $1.00 | 14M invocations/month", us-east-1; "Prices are consistent across most commercial regions")',
    note: 'No ap-southeast-1 figure found; us-east-1 used.',
  },

  // ── SQS, SNS ──────────────────────────────────────────────────────────────
  sqsStandardRequest: {
    usd: 0.4 / 1e6,
    unit: 'standard-queue request (each 64 KB chunk of a payload is one request)',
    region: 'ap-southeast-1',
    date: '2025-08-28',
    source: `${OFFERS}/AWSQueueService/20250828200713/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU PVF7MDBNRK7V9S5H "$0.40 per million Amazon SQS standard requests in Tier1 in Asia Pacific (Singapore)".',
  },
  snsPublish: {
    usd: 0.5 / 1e6,
    unit: 'SNS API request (Publish), per 64 KB chunk',
    region: 'ap-southeast-1',
    date: '2026-08-31',
    source: `${OFFERS}/AmazonSNS/20260831092227/ap-southeast-1/index.json`,
    foundOn: OVERHEAD,
    note: 'SKU UNWF5P8PEVEH2AZ2 "$0.50 per 1,000,000 Amazon SNS API Requests per month thereafter" (the first million is free: FREE_TIERS).',
  },
  snsDeliverySqs: {
    usd: 0,
    unit: 'SNS delivery to an SQS queue',
    region: 'us-east-1',
    date: '2026-06-13',
    source: 'https://aws.amazon.com/sns/pricing/',
    foundOn: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/ (us-east-1, 2026-06-13); also a stored pricing table "sqs: 0.00 // Free to SQS, lambda: 0.00 // Free to Lambda"',
    note: 'Deliveries to SQS and Lambda are not charged (data transfer aside).',
  },
  snsDeliveryLambda: {
    usd: 0,
    unit: 'SNS delivery to a Lambda function',
    region: 'us-east-1',
    date: '2026-06-13',
    source: 'https://aws.amazon.com/sns/pricing/',
    foundOn: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/',
  },
  snsDeliveryHttp: {
    usd: 0.6 / 1e6,
    unit: 'SNS delivery to an HTTP/S endpoint',
    region: 'us-east-1',
    date: '2026-06-13',
    source: 'https://aws.amazon.com/sns/pricing/',
    foundOn: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/ ("HTTP delivery is $0.60/M on top")',
    note: 'us-east-1 only.',
  },

  // ── KMS ───────────────────────────────────────────────────────────────────
  kmsKeyMonth: {
    usd: 1,
    unit: 'customer-managed key, month',
    region: 'ap-southeast-1',
    date: '2026-09-11',
    source: `${OFFERS}/awskms/20260911124601/ap-southeast-1/index.json`,
    foundOn: SPOH,
    note: 'usagetype ap-southeast-1-KMS-Keys "$1 per customer managed KMS key version in Asia Pacific (Singapore)".',
  },
  kmsRequest: {
    usd: 0.03 / 1e4,
    unit: 'KMS symmetric request',
    region: 'ap-southeast-1',
    date: '2026-08-12',
    source: `${OFFERS}/awskms/current/ap-southeast-1/index.json`,
    foundOn: 'a stored public repository document "Price Reference — ap-southeast-1, collected 2026-08-12" (AWS Pricing API, usagetype ap-southeast-1-KMS-Requests, 0.0000030 USD/request; the search index gave no repository name); ap-south-1 quotes the same $0.03 per 10,000 (2026-09-17)',
  },

  // ── CloudWatch, X-Ray ─────────────────────────────────────────────────────
  cwLogsIngestionGb: {
    usd: 0.7,
    unit: 'GB of custom logs ingested, Standard log class',
    region: 'ap-southeast-1',
    date: '2026-09-22',
    source: `${OFFERS}/AmazonCloudWatch/20260922021715/ap-southeast-1/index.json`,
    foundOn: SPOH,
    note: 'usagetype APS1-DataProcessing-Bytes "$0.70 per GB custom log data ingested in Standard log class - Asia Pacific (Singapore)"; us-east-1 is $0.50.',
  },
  cwLogsStorageGbMonth: {
    usd: 0.03,
    unit: 'GB-month of log storage',
    region: 'ap-southeast-1',
    date: '2026-09-22',
    source: `${OFFERS}/AmazonCloudWatch/20260922021715/ap-southeast-1/index.json`,
    foundOn: SPOH,
  },
  cwAlarmMonth: {
    usd: 0.1,
    unit: 'standard-resolution alarm metric, month',
    region: 'ap-southeast-1',
    date: '2026-09-22',
    source: `${OFFERS}/AmazonCloudWatch/20260922021715/ap-southeast-1/index.json`,
    foundOn: SPOH,
  },
  cwCustomMetricMonth: {
    usd: 0.3,
    unit: 'custom metric (name × dimension set), month, first 10,000',
    region: 'ap-southeast-1',
    date: '2026-09-22',
    source: `${OFFERS}/AmazonCloudWatch/20260922021715/ap-southeast-1/index.json`,
    foundOn: SPOH,
    note: 'Powertools EMF metrics are custom metrics (ingested through logs, so no PutMetricData request charge).',
  },
  cwDashboardMonth: {
    usd: 3,
    unit: 'custom dashboard, month',
    region: 'us-east-1',
    date: '2026-06-13',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    foundOn: 'https://www.factualminds.com/blog/amazon-cloudwatch-pricing-metrics-logs-alarms-dashboards/ ("dashboards at $3 each"); a stored 2026-08-12 ap-southeast-1 cost document also uses $3.00 and notes the Price List API does not expose it',
  },
  xrayTraceRecorded: {
    usd: 5 / 1e6,
    unit: 'X-Ray trace recorded',
    region: 'not stated',
    date: '2026-01-01',
    source: 'https://aws.amazon.com/xray/pricing/',
    foundOn: 'https://aws.amazon.com/de/xray/pricing/ ("5 USD pro Million", first 100,000 a month free); https://awsnegotiations.com/x-ray-pricing-strategy.html (us-east-1, $5.00 per million)',
    note: 'The page gives one rate without a region; the date is unknown (stored copy), 2026-01-01 is a placeholder for "2026 or earlier".',
  },

  // ── Outside the brief's list, but billed by this stack ───────────────────
  apiGatewayHttpRequest: {
    usd: 1.25 / 1e6,
    unit: 'HTTP API request (first 300 million), per 512 KB',
    region: 'ap-southeast-1',
    date: '2026-09-21',
    source: `${OFFERS}/AmazonApiGateway/20260921231404/ap-southeast-1/index.json`,
    foundOn: `${SPOH}; also ${OVERHEAD}`,
  },
  cognitoEssentialsMau: {
    usd: 0.015,
    unit: 'monthly active user, Essentials plan (the default of new user pools)',
    region: 'ap-southeast-1',
    date: '2026-09-11',
    source: `${OFFERS}/AmazonCognito/20260911124417/ap-southeast-1/index.json`,
    foundOn: SPOH,
    note: 'usagetype APS1-CognitoEssentialsMAU. infra/api.ts sets no featurePlan, so the pool is on Essentials (UserPoolTier defaults to ESSENTIALS, AWS SDK docs). A Lite-plan ap-southeast-1 figure was not found.',
  },
  dataTransferOutGb: {
    usd: 0.12,
    unit: 'GB out to the internet, first 10 TB',
    region: 'ap-southeast-1',
    date: '2026-09-16',
    source: `${OFFERS}/AWSDataTransfer/20260916132208/ap-southeast-1/index.json`,
    foundOn: SPOH,
  },

  // ── Deliveries to people (kept apart from the total) ─────────────────────
  snsDeliveryEmail: {
    usd: 2 / 1e5,
    unit: 'SNS e-mail (or e-mail-JSON) delivery',
    region: 'us-east-1',
    date: '2026-06-13',
    source: 'https://aws.amazon.com/sns/pricing/',
    foundOn: 'https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/ ("email is $2/100K")',
    note: 'us-east-1 only. This is how docs/operations.md subscribes people today.',
  },
  sesEmail: {
    usd: 0.1 / 1e3,
    unit: 'e-mail recipient sent through SES',
    region: 'ap-southeast-1',
    date: '2026-09-11',
    source: `${OFFERS}/AmazonSES/20260911124507/ap-southeast-1/index.json`,
    foundOn: SPOH,
    note: 'usagetype APS1-Recipients "USD0.0001 per Count for Recipients:Send in Asia Pacific (Singapore)" = $0.10 per 1,000 e-mails (data transfer and attachments apart).',
  },
  snsSmsVietnam: {
    usd: null,
    unit: 'SMS message part (140 bytes; 70 UCS-2 characters, so Vietnamese text with diacritics is 70 characters a part) to a Vietnamese number',
    region: 'not stated',
    date: '2026-01-01',
    source: 'https://aws.amazon.com/end-user-messaging/pricing/',
    foundOn: 'not found in the stored material',
    note: 'No per-message price for Vietnam was found. Vietnam accepts only pre-registered alphanumeric sender IDs (no long codes: repost.aws "in sms application for long code sent to vietnam failed"; Twilio VN guidelines: registration of sender IDs and templates required). Price = (base + carrier fee) × message parts (repost.aws knowledge-center/sns-pinpoint-high-sms-charges).',
  },
} as const satisfies Record<string, Price>;

export type PriceKey = keyof typeof PRICES;

/** A price that must exist (throws for the unpriced SMS entry). */
export function usd(key: PriceKey): number {
  const p: Price = PRICES[key];
  if (p.usd === null) throw new Error(`no published price for ${key}`);
  return p.usd;
}

export interface FreeTier {
  amount: number;
  unit: string;
  source: string;
}

/**
 * Always-free allowances (they do not end after 12 months), per account and
 * month. Not applied unless bench/cost.ts is asked to (`freeTiers: true`):
 * the brief prices without free tier.
 */
export const FREE_TIERS = {
  lambdaRequests: { amount: 1e6, unit: 'requests', source: 'Lambda pricing page, quoted in a stored 2026-08-12 ap-southeast-1 cost document: "The free tier includes one million requests and 400,000 GB-seconds per month."' },
  lambdaGbSeconds: { amount: 400_000, unit: 'GB-s', source: 'same' },
  ddbStorageGb: { amount: 25, unit: 'GB-month', source: `ap-southeast-1 DynamoDB offer, SKU YCMS8QPJ7DRVHAXD ("beyond first 25 free GB-Months"), ${OVERHEAD}` },
  snsPublishes: { amount: 1e6, unit: 'requests', source: 'ap-southeast-1 SNS offer, SKU UNWF5P8PEVEH2AZ2 ("per month thereafter")' },
  schedulerInvocations: { amount: 14e6, unit: 'invocations', source: 'https://cloudburn.io/blog/amazon-eventbridge-pricing' },
  kmsRequests: { amount: 20_000, unit: 'requests', source: 'aws freetier get-free-tier-usage output quoted in a stored 2026-08-12 document ("AWS KMS KMS-Requests limit 20,000 Always Free")' },
  cwLogsGb: { amount: 5, unit: 'GB (ingestion, storage and Insights together)', source: 'https://aws.amazon.com/cloudwatch/pricing/, quoted in a stored 2026-08-12 document' },
  cwAlarms: { amount: 10, unit: 'standard alarm metrics', source: 'same' },
  cwDashboards: { amount: 3, unit: 'dashboards (≤ 50 metrics each)', source: 'same' },
  xrayTraces: { amount: 100_000, unit: 'traces recorded', source: 'https://aws.amazon.com/de/xray/pricing/' },
  cognitoMau: { amount: 10_000, unit: 'MAU (Lite and Essentials)', source: 'https://c3x.dev/resources/aws/aws_cognito_user_pool/ ("A pool with 100,000 active users on Essentials, with 10,000 free")' },
  dataTransferOutGb: { amount: 100, unit: 'GB', source: 'stored 2026-08-12 ap-southeast-1 cost document ("a 100 GB/month global free allowance")' },
} as const satisfies Record<string, FreeTier>;

if (process.argv[1] && (await import('node:url')).fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [key, p] of Object.entries(PRICES) as Array<[string, Price]>) {
    const figure = p.usd === null ? 'not found' : `$${p.usd < 0.001 ? (p.usd * 1e6).toFixed(4) + ' per million' : p.usd}`;
    console.log(`${key.padEnd(34)} ${figure.padEnd(24)} ${p.unit} — ${p.region}, ${p.date}\n${''.padEnd(35)}${p.source}`);
  }
}
