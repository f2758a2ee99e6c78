/**
 * The monthly AWS bill of chibo-monitor for the whole country, from volumes
 * measured elsewhere (request units per event, ms per invocation, …) and the
 * list prices of bench/prices.ts (ap-southeast-1 unless a price says
 * otherwise; no free tier unless `freeTiers: true`).
 *
 * `costModel(input)` returns the total without deliveries to people, the
 * figure of each service, every assumption it made in words, and the
 * deliveries to people (e-mail, SMS) apart. docs/cost-model.md gives the
 * formulas and the prices table.
 *
 * Run alone: `node --import tsx bench/cost.ts` prints the example of
 * EXAMPLE_INPUT (250,000 meeting events a month, 34 provinces).
 */
import { fileURLToPath } from 'node:url';
import { FREE_TIERS, PRICES, usd } from './prices.ts';

/** One Lambda function's memory and measured durations. */
export interface LambdaProfile {
  memoryMb: number;
  /** Billed duration of one invocation (handler only), ms. */
  msPerInvocation: number;
  /** INIT duration of a cold start, ms (billed since 2025-08-01). Default 400. */
  initMs?: number;
  /** Share of invocations that start cold. Default 0.05. */
  coldStartFraction?: number;
}

export interface CostInput {
  /** Meeting events (MeetingRecorded / MeetingRetracted) a month, whole country. */
  meetingEvents: number;
  /** DynamoDB write request units per meeting event (ReturnConsumedCapacity TOTAL: table and indexes). */
  wruPerEvent: number;
  /** DynamoDB read request units per meeting event. */
  rruPerEvent: number;
  /** DynamoDB calls per meeting event (not billed by itself on demand; checked against the units). */
  ddbCallsPerEvent: number;
  /** Write request units of all provinces' sweeps on an average day (monthly openings spread over the month). */
  sweepWruPerDay: number;
  /** Read request units of all provinces' sweeps on an average day. */
  sweepRruPerDay: number;
  /** Provinces (one sweep message and one sweep invocation each per day). */
  provinces: number;
  lambda: {
    /** on-meeting-recorded, per invocation. */
    event: LambdaProfile;
    /** evaluate-deadlines, per province sweep (the daily fan-out invocation is counted with `fanOutMs`). */
    sweep: LambdaProfile;
    /** http-api, per request. */
    api: LambdaProfile;
  };
  /** SNS publishes a month (one per finding stage and recipient: reminders, violations, alerts, withdrawals). */
  notifications: number;
  /** DynamoDB storage added a month (table and indexes), GB; see estimateStorage(). */
  storageGbGrowthPerMonth: number;
  /** HTTP API requests a month (POST /events, GET /findings, /obligations, /report, PUT /org). */
  apiRequests: number;

  // ── Optional; defaults are stated in `assumptions` ──
  /** Which month of operation the bill is for (storage and archives accumulate). Default 12. */
  month?: number;
  /** Storage present from day one (org snapshot, its by-province copy, open-obligation index, claims), GB. Default 0. */
  storageBaselineGb?: number;
  /** Part of the growth that PITR bills (the base table; PITR does not back up GSIs). Default = storageGbGrowthPerMonth. */
  pitrGbGrowthPerMonth?: number;
  /** Part of the baseline that PITR bills. Default = storageBaselineGb. */
  pitrBaselineGb?: number;
  /** Meeting events per on-meeting-recorded invocation (SQS batch size 5, window 1 s). Default 1 (low traffic). */
  eventsPerInvocation?: number;
  /** Duration of the daily fan-out invocation of evaluate-deadlines, ms. Default 500. */
  fanOutMs?: number;
  /** DynamoDB units per API request (POST /events duplicates check, queries). Defaults 2 RRU, 0 WRU. */
  apiRruPerRequest?: number;
  apiWruPerRequest?: number;
  /** Cognito monthly active users (user-pool sign-ins and token refreshes). Default 0. */
  cognitoMau?: number;
  /** Subscriptions receiving each publish, by protocol, as deliveries a month. Default: every publish goes to one e-mail subscription. */
  deliveries?: { sqs?: number; lambda?: number; http?: number; email?: number; sms?: number };
  /** SMS parts per SMS delivery (Vietnamese text is UCS-2: 70 characters a part). Default 2. */
  smsPartsPerMessage?: number;
  /** USD per SMS part to Vietnam, if you have a quote (none was found published). */
  smsUsdPerPart?: number;
  /** Log bytes a Lambda invocation writes (platform START/END/REPORT, one Powertools line, EMF metrics). Default 1,500. */
  logBytesPerInvocation?: number;
  /** HTTP API access-log bytes per request. Default 400. */
  accessLogBytesPerRequest?: number;
  /** Bytes of one meeting event as archived by the bus. Default 2,048. */
  eventBytes?: number;
  /** Bytes of one API response sent to the internet. Default 4,096. */
  responseBytes?: number;
  /** Lambda SQS pollers per queue, each long-polling 20 s. Default 5. */
  sqsPollersPerQueue?: number;
  /** KMS requests a month (SQS, SNS and DynamoDB cache data keys for about 5 minutes). Default: 7 encrypted resources × 2 × 12 an hour. */
  kmsRequests?: number;
  /** Fixed monitoring (infra/observability.ts and the handlers' metrics). Defaults 7 alarms, 6 custom metrics, 1 dashboard, 1 KMS key. */
  alarms?: number;
  customMetrics?: number;
  dashboards?: number;
  kmsKeys?: number;
  /** Apply the always-free allowances of bench/prices.ts FREE_TIERS. Default false. */
  freeTiers?: boolean;
}

export interface CostResult {
  /** USD a month, everything except deliveries to people. */
  total: number;
  /** USD a month by service. */
  byService: Record<string, number>;
  assumptions: string[];
  /** USD a month for deliveries to people (e-mail, SMS), not in `total`. */
  deliveryApart: Record<string, number>;
}

const DAYS_PER_MONTH = 365 / 12;
const SECONDS_PER_MONTH = DAYS_PER_MONTH * 86_400;
const GB = 1024 ** 3;
const M = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function costModel(input: CostInput): CostResult {
  const a: string[] = [];
  const free = input.freeTiers ?? false;
  const month = input.month ?? 12;
  const perBatch = input.eventsPerInvocation ?? 1;
  const minus = (amount: number, allowance: number) => (free ? Math.max(0, amount - allowance) : amount);
  a.push(`Prices: bench/prices.ts, ap-southeast-1 unless marked us-east-1 there (EventBridge archive and Scheduler, SNS HTTP/e-mail deliveries, CloudWatch dashboards); month of 365/12 days; ${free ? 'always-free allowances of FREE_TIERS applied' : 'no free tier applied'}.`);
  a.push(`The bill is for month ${month} of operation: DynamoDB storage, PITR, archived events and stored logs accumulate.`);

  // ── Lambda ──
  const profile = (p: LambdaProfile) => ({ gb: p.memoryMb / 1024, init: p.initMs ?? 400, cold: p.coldStartFraction ?? 0.05, ms: p.msPerInvocation });
  const ev = profile(input.lambda.event);
  const sw = profile(input.lambda.sweep);
  const api = profile(input.lambda.api);
  const fanOutMs = input.fanOutMs ?? 500;
  const eventInvocations = input.meetingEvents / perBatch;
  const sweepInvocations = input.provinces * DAYS_PER_MONTH;
  const fanOutInvocations = DAYS_PER_MONTH;
  const apiInvocations = input.apiRequests;
  const invocations = eventInvocations + sweepInvocations + fanOutInvocations + apiInvocations;
  const gbSeconds =
    eventInvocations * ev.gb * (ev.ms + ev.cold * ev.init) / 1000 +
    sweepInvocations * sw.gb * (sw.ms + sw.cold * sw.init) / 1000 +
    fanOutInvocations * sw.gb * (fanOutMs + sw.init) / 1000 +
    apiInvocations * api.gb * (api.ms + api.cold * api.init) / 1000;
  const lambda = minus(invocations, FREE_TIERS.lambdaRequests.amount) * usd('lambdaRequest') + minus(gbSeconds, FREE_TIERS.lambdaGbSeconds.amount) * usd('lambdaGbSecondArm');
  a.push(`Lambda (arm64): ${M(invocations)} invocations = ${M(input.meetingEvents)} events / ${perBatch} per invocation + ${input.provinces} province sweeps and 1 fan-out a day + ${M(input.apiRequests)} API requests; ${M(gbSeconds)} GB-s = memory × (handler ms + cold-start share × INIT ms) (on-meeting-recorded ${input.lambda.event.memoryMb} MB × ${ev.ms} ms, ${ev.cold * 100}% cold × ${ev.init} ms; evaluate-deadlines ${input.lambda.sweep.memoryMb} MB × ${sw.ms} ms per province, ${sw.cold * 100}% cold, fan-out ${fanOutMs} ms always cold; http-api ${input.lambda.api.memoryMb} MB × ${api.ms} ms, ${api.cold * 100}% cold × ${api.init} ms). INIT is billed since 2025-08-01.`);

  // ── DynamoDB ──
  const apiRru = input.apiRruPerRequest ?? 2;
  const apiWru = input.apiWruPerRequest ?? 0;
  const wru = input.meetingEvents * input.wruPerEvent + input.sweepWruPerDay * DAYS_PER_MONTH + input.apiRequests * apiWru;
  const rru = input.meetingEvents * input.rruPerEvent + input.sweepRruPerDay * DAYS_PER_MONTH + input.apiRequests * apiRru;
  const requests = wru * usd('ddbWriteRequestUnit') + rru * usd('ddbReadRequestUnit');
  a.push(`DynamoDB requests: ${M(wru)} WRU = ${M(input.meetingEvents)} events × ${input.wruPerEvent} + ${M(input.sweepWruPerDay)}/day of sweeps + ${apiWru}/API request; ${M(rru)} RRU = events × ${input.rruPerEvent} + ${M(input.sweepRruPerDay)}/day of sweeps + ${apiRru}/API request. Units must be ReturnConsumedCapacity TOTAL figures (index writes included: both GSIs project ALL, so a write that sets or changes an index key is billed again on the index).`);
  const minUnits = input.wruPerEvent + 2 * input.rruPerEvent;
  if (minUnits < input.ddbCallsPerEvent)
    a.push(`Check: ${input.ddbCallsPerEvent} DynamoDB calls per event but only ${input.wruPerEvent} WRU + ${input.rruPerEvent} RRU; every write costs ≥ 1 WRU and every read ≥ 0.5 RRU, so the units look low.`);
  else a.push(`DynamoDB calls per event (${input.ddbCallsPerEvent}) are consistent with the units (each write ≥ 1 WRU, each eventually consistent read ≥ 0.5 RRU); on-demand bills units, not calls.`);
  const baseline = input.storageBaselineGb ?? 0;
  const storedGb = baseline + input.storageGbGrowthPerMonth * month;
  const pitrGb = (input.pitrBaselineGb ?? baseline) + (input.pitrGbGrowthPerMonth ?? input.storageGbGrowthPerMonth) * month;
  const storage = minus(storedGb, FREE_TIERS.ddbStorageGb.amount) * usd('ddbStorageGbMonth');
  const pitr = pitrGb * usd('ddbPitrGbMonth');
  a.push(`DynamoDB storage in month ${month}: ${storedGb.toFixed(2)} GB = ${baseline.toFixed(2)} GB baseline + ${input.storageGbGrowthPerMonth.toFixed(3)} GB/month × ${month}; PITR bills the base table only: ${pitrGb.toFixed(2)} GB. Nothing in the ledger expires (only notification claims have a TTL).`);

  // ── EventBridge and Scheduler ──
  const eventBytes = input.eventBytes ?? 2048;
  const chunks = Math.ceil(eventBytes / 65_536);
  const archiveGbPerMonth = (input.meetingEvents * eventBytes) / GB;
  const archiveStoredGb = archiveGbPerMonth * Math.min(month, 12);
  const eventBridge = input.meetingEvents * chunks * usd('eventBridgeCustomEvent') + archiveGbPerMonth * usd('eventBridgeArchiveProcessingGb') + archiveStoredGb * usd('eventBridgeArchiveStorageGbMonth');
  a.push(`EventBridge: ${M(input.meetingEvents)} custom events × ${chunks} chunk of 64 KB (events of ${eventBytes} B); the 365-day archive takes ${archiveGbPerMonth.toFixed(3)} GB a month and holds ${archiveStoredGb.toFixed(2)} GB in month ${month} (us-east-1 archive prices). Replays are not counted.`);
  const schedules = DAYS_PER_MONTH;
  const scheduler = minus(schedules, FREE_TIERS.schedulerInvocations.amount) * usd('schedulerInvocation');
  a.push(`EventBridge Scheduler: 1 invocation a day (06:00 Asia/Ho_Chi_Minh); retries not counted.`);

  // ── SQS ──
  const pollers = input.sqsPollersPerQueue ?? 5;
  const polls = 2 * pollers * (SECONDS_PER_MONTH / 20);
  const sqsRequests =
    input.meetingEvents * chunks + // EventBridge → meeting queue
    eventInvocations + // DeleteMessageBatch per batch
    Math.ceil(input.provinces / 10) * DAYS_PER_MONTH + // SendMessageBatch of the fan-out
    sweepInvocations + // delete of each sweep message
    polls; // empty and non-empty long polls of both queues
  const sqs = sqsRequests * usd('sqsStandardRequest');
  a.push(`SQS: ${M(sqsRequests)} requests = events sent by EventBridge + one delete per batch + fan-out batches of 10 + one delete per sweep + ${M(polls)} long polls (2 queues × ${pollers} Lambda pollers × one 20-s ReceiveMessage each, all month, messages or not).`);

  // ── SNS (publishes and machine deliveries) ──
  const d = input.deliveries ?? { email: input.notifications };
  const snsPublish = minus(input.notifications, FREE_TIERS.snsPublishes.amount) * usd('snsPublish');
  const snsMachine = (d.sqs ?? 0) * usd('snsDeliverySqs') + (d.lambda ?? 0) * usd('snsDeliveryLambda') + (d.http ?? 0) * usd('snsDeliveryHttp');
  a.push(`SNS: ${M(input.notifications)} publishes (one per finding stage and recipient, each < 64 KB); deliveries ${JSON.stringify(d)}; SQS/Lambda deliveries are free, HTTP at $0.60 a million (us-east-1); e-mail and SMS are in deliveryApart.`);

  // ── KMS ──
  const kmsKeys = input.kmsKeys ?? 1;
  const kmsRequests = input.kmsRequests ?? 7 * 2 * 12 * 24 * DAYS_PER_MONTH;
  const kms = kmsKeys * usd('kmsKeyMonth') + minus(kmsRequests, FREE_TIERS.kmsRequests.amount) * usd('kmsRequest');
  a.push(`KMS: ${kmsKeys} customer-managed key (table, topics, queues) + ${M(kmsRequests)} requests${input.kmsRequests === undefined ? ' (assumed: 7 encrypted resources — table, 2 topics, alarm topic, 2 work queues, 1 busy DLQ — × GenerateDataKey/Decrypt × once per 5-minute data-key reuse period)' : ''}.`);

  // ── CloudWatch (logs, alarms, metrics, dashboard) and X-Ray ──
  const logBytes = input.logBytesPerInvocation ?? 1500;
  const accessBytes = input.accessLogBytesPerRequest ?? 400;
  const functionLogGb = (invocations * logBytes) / GB;
  const accessLogGb = (input.apiRequests * accessBytes) / GB;
  const logIngestGb = functionLogGb + accessLogGb;
  const logStoredGb = functionLogGb * Math.min(month, 3) + accessLogGb * Math.min(month, 12);
  const alarms = input.alarms ?? 7;
  const metrics = input.customMetrics ?? 6;
  const dashboards = input.dashboards ?? 1;
  const logs = minus(logIngestGb, FREE_TIERS.cwLogsGb.amount) * usd('cwLogsIngestionGb') + logStoredGb * usd('cwLogsStorageGbMonth');
  const monitoring = minus(alarms, FREE_TIERS.cwAlarms.amount) * usd('cwAlarmMonth') + metrics * usd('cwCustomMetricMonth') + minus(dashboards, FREE_TIERS.cwDashboards.amount) * usd('cwDashboardMonth');
  a.push(`CloudWatch Logs: ${logIngestGb.toFixed(3)} GB ingested (${logBytes} B per invocation, ${accessBytes} B of access log per API request); stored uncompressed for the retention (functions 3 months, API access log 1 year): ${logStoredGb.toFixed(2)} GB — an upper bound, AWS bills the compressed size.`);
  a.push(`CloudWatch fixed: ${alarms} alarms (2 dead-letter, 3 errors, 2 oldest-message), ${metrics} custom metrics (events_applied/duplicate/stale/dead_lettered, obligations_reconciled, notifications_sent, dimension service), ${dashboards} dashboard (us-east-1 price).`);
  const traces = invocations;
  const xray = minus(traces, FREE_TIERS.xrayTraces.amount) * usd('xrayTraceRecorded');
  a.push(`X-Ray: active tracing on every function; the default sampling (1 a second + 5%) records practically every invocation at these rates: ${M(traces)} traces.`);

  // ── API Gateway, Cognito, data transfer ──
  const apigw = input.apiRequests * usd('apiGatewayHttpRequest');
  const mau = input.cognitoMau ?? 0;
  const cognito = minus(mau, FREE_TIERS.cognitoMau.amount) * usd('cognitoEssentialsMau');
  const responseBytes = input.responseBytes ?? 4096;
  const transferGb = (input.apiRequests * responseBytes) / GB;
  const transfer = minus(transferGb, FREE_TIERS.dataTransferOutGb.amount) * usd('dataTransferOutGb');
  a.push(`API Gateway HTTP API: ${M(input.apiRequests)} requests; responses ${responseBytes} B → ${transferGb.toFixed(3)} GB out to the internet.`);
  a.push(`Cognito: ${M(mau)} monthly active users on the Essentials plan (infra/api.ts sets no featurePlan). A user counts once a month whatever they do; if every cell secretary (≈230,000) signed in each month this line alone would be ${(230_000 * usd('cognitoEssentialsMau')).toFixed(0)} USD.`);

  const byService: Record<string, number> = {
    'DynamoDB requests': requests,
    'DynamoDB storage': storage,
    'DynamoDB PITR': pitr,
    Lambda: lambda,
    'EventBridge (events + archive)': eventBridge,
    'EventBridge Scheduler': scheduler,
    SQS: sqs,
    'SNS (publishes + machine deliveries)': snsPublish + snsMachine,
    KMS: kms,
    'CloudWatch Logs': logs,
    'CloudWatch alarms, metrics, dashboard': monitoring,
    'X-Ray': xray,
    'API Gateway (HTTP API)': apigw,
    'Cognito (user pool MAU)': cognito,
    'Data transfer out': transfer,
  };
  const total = Object.values(byService).reduce((s, v) => s + v, 0);

  // ── Deliveries to people ──
  const deliveryApart: Record<string, number> = {};
  const emails = d.email ?? 0;
  if (emails > 0) {
    deliveryApart['e-mail via SNS subscriptions (as deployed)'] = emails * usd('snsDeliveryEmail');
    deliveryApart['e-mail via SES instead'] = emails * usd('sesEmail');
  }
  const sms = d.sms ?? 0;
  const parts = input.smsPartsPerMessage ?? 2;
  if (sms > 0 && input.smsUsdPerPart !== undefined) deliveryApart['SMS to Vietnam via SNS'] = sms * parts * input.smsUsdPerPart;
  a.push(`Deliveries apart: ${M(emails)} e-mails, as deployed through SNS e-mail subscriptions at $2.00 per 100,000 (us-east-1 figure), or through SES at $0.10 per 1,000 (ap-southeast-1): SNS e-mail is 5 times cheaper per message; SES would buy HTML, a real sender domain and bounce handling, not a lower bill.`);
  a.push(
    sms > 0
      ? input.smsUsdPerPart === undefined
        ? `SMS: ${M(sms)} messages × ${parts} parts NOT priced: no published per-message price to Vietnam was found (${PRICES.snsSmsVietnam.source}); Vietnam needs a registered sender ID.`
        : `SMS: ${M(sms)} messages × ${parts} parts × ${input.smsUsdPerPart} USD (price given by the caller).`
      : 'SMS: none sent (no SMS subscriptions).',
  );

  return { total, byService, assumptions: a, deliveryApart };
}

// ── Storage estimate ─────────────────────────────────────────────────────────

export interface StorageInput {
  cells: number;
  /** Units that are not cells (communes/wards, districts, provinces). */
  otherUnits: number;
  leaders: number;
  /** Ledger entries opened a month per cell (every rule, subject and period; leaders' and members' entries included). */
  entriesPerCellMonth: number;
  meetingEvents: number;
  /** Findings raised a month. */
  findingsPerMonth: number;
  /** SNS publishes a month (each leaves a notification claim kept 90 days). */
  notifications: number;
}

/**
 * Item sizes in bytes (DynamoDB size: attribute names + values), measured on
 * the demo of local/demo.ts (20 cells, 529 members, 74 events, 2026-01 …
 * 2026-04 with all six packs bound) by scanning its table; the attributes are
 * those of docs/data-model.md. Means; p90 in comments.
 */
export const ITEM_BYTES = {
  ledgerEntry: 504, // p90 663, max 1,131: keys, ruleId, subject, period, one register per meeting, status, obligation view, raised, gsi1 keys
  meeting: 431, // p90 698: version, eventId, unitId, touched (string set), eventIds
  finding: 808, // p90 881: the finding with its message, active, rev, at, gsi2 keys
  notificationClaim: 174, // claimant, expiresAt (TTL 90 days)
  unit: 804, // path, ancestors, officers, pack bindings
  leader: 789,
  memberPage: 2807, // one page per cell in the demo (26 members a cell); up to 400 members a page
} as const;
/** Per-item storage overhead DynamoDB bills, in the table and again in each index that holds the item. */
export const ITEM_OVERHEAD = 100;

export function estimateStorage(s: StorageInput): { growthGb: number; pitrGrowthGb: number; baselineGb: number; pitrBaselineGb: number; assumptions: string[] } {
  const b = (bytes: number) => bytes + ITEM_OVERHEAD;
  const entries = s.cells * s.entriesPerCellMonth;
  const entryGrowth = entries * b(ITEM_BYTES.ledgerEntry);
  const meetingGrowth = s.meetingEvents * b(ITEM_BYTES.meeting);
  const findingGrowth = s.findingsPerMonth * b(ITEM_BYTES.finding);
  const growthTable = entryGrowth + meetingGrowth + findingGrowth;
  const growthIndexes = findingGrowth; // active findings are copied whole into by-province (ALL projection)
  const org = s.cells * b(ITEM_BYTES.memberPage) + (s.cells + s.otherUnits) * b(ITEM_BYTES.unit) + s.leaders * b(ITEM_BYTES.leader);
  const openIndex = entries * b(ITEM_BYTES.ledgerEntry); // open-obligations holds about one month of entries at a time
  const claims = s.notifications * 3 * b(ITEM_BYTES.notificationClaim);
  const baselineTable = org + claims;
  const baselineIndexes = org + openIndex; // units, leaders and member pages are copied into by-province
  const gb = (x: number) => x / GB;
  return {
    growthGb: gb(growthTable + growthIndexes),
    pitrGrowthGb: gb(growthTable),
    baselineGb: gb(baselineTable + baselineIndexes),
    pitrBaselineGb: gb(baselineTable),
    assumptions: [
      `Item sizes measured on the demo table (docs/data-model.md items): ledger entry ${ITEM_BYTES.ledgerEntry} B, meeting ${ITEM_BYTES.meeting} B, finding ${ITEM_BYTES.finding} B, notification claim ${ITEM_BYTES.notificationClaim} B, unit ${ITEM_BYTES.unit} B, leader ${ITEM_BYTES.leader} B, member page ${ITEM_BYTES.memberPage} B; + ${ITEM_OVERHEAD} B per item per table/index copy.`,
      `Growth a month: ${M(entries)} ledger entries (${s.cells.toLocaleString('en-US')} cells × ${s.entriesPerCellMonth}) + ${M(s.meetingEvents)} meeting items (one per event, an upper bound: versions overwrite) + ${M(s.findingsPerMonth)} findings (twice: table and by-province while active) = ${gb(growthTable + growthIndexes).toFixed(3)} GB (${gb(growthTable).toFixed(3)} GB in the base table).`,
      `Baseline: org snapshot (${M(s.cells + s.otherUnits)} units, ${M(s.leaders)} leaders, one member page per cell) twice (table + by-province), one month of entries in open-obligations, 90 days of notification claims = ${gb(baselineTable + baselineIndexes).toFixed(2)} GB (${gb(baselineTable).toFixed(2)} GB in the base table).`,
    ],
  };
}

// ── Example ─────────────────────────────────────────────────────────────────

/** The country: 230,000 cells meeting monthly plus other meetings, 34 provinces. */
export const EXAMPLE_STORAGE: StorageInput = {
  cells: 230_000,
  otherUnits: 3_400, // communes/wards (3,321 after the 2025 merger), provinces
  leaders: 100_000,
  entriesPerCellMonth: 5.3, // demo: 424 entries / 20 cells / 4 opened months, all six packs bound (an upper bound for dieu-le + one provincial pack)
  meetingEvents: 250_000,
  findingsPerMonth: 57_500, // one finding a month for a quarter of the cells
  notifications: 120_000,
};

const storage = estimateStorage(EXAMPLE_STORAGE);

export const EXAMPLE_INPUT: CostInput = {
  meetingEvents: 250_000,
  wruPerEvent: 5,
  rruPerEvent: 4,
  ddbCallsPerEvent: 8,
  // Sweeps, all provinces, average day: monthly openings of ≈1.5 obligations per cell (monthly meeting; quarterly and
  // yearly rules amortised) × 230,000 cells × 2 WRU (table + open-obligations) ≈ 23,000/day; one reconciliation per
  // opened obligation when its deadline passes (status + leaving the index, 2 WRU) ≈ 23,000/day; findings (2 WRU) and
  // notification claims (1 WRU) ≈ 8,000/day; rounded up to 60,000.
  sweepWruPerDay: 60_000,
  // Monthly org read per province (≈1 GB base table ÷ 4 KB × 0.5, eventually consistent) ≈ 4,300/day; open-obligation
  // queries, the entries and their units/leaders read for ≈11,000 due obligations a day ≈ 15,000/day; rounded to 20,000.
  sweepRruPerDay: 20_000,
  provinces: 34,
  lambda: {
    event: { memoryMb: 512, msPerInvocation: 150, initMs: 400, coldStartFraction: 0.05 },
    sweep: { memoryMb: 1024, msPerInvocation: 5_000, initMs: 400, coldStartFraction: 0.2 },
    api: { memoryMb: 512, msPerInvocation: 100, initMs: 400, coldStartFraction: 0.1 },
  },
  notifications: 120_000, // 57,500 findings × ~2 recipients
  storageGbGrowthPerMonth: storage.growthGb,
  pitrGbGrowthPerMonth: storage.pitrGrowthGb,
  storageBaselineGb: storage.baselineGb,
  pitrBaselineGb: storage.pitrBaselineGb,
  // Commune-level recorders post ~10 events per POST /events (25,000 POSTs) + 75,000 reads.
  apiRequests: 100_000,
  cognitoMau: 4_000, // commune-level recorders and inspection committees
  month: 12,
};

/** The services the brief lists; the others (X-Ray, CloudWatch alarms/metrics/dashboard, API Gateway, Cognito, data transfer) are billed by this stack too. */
export const BRIEF_SERVICES = ['DynamoDB requests', 'DynamoDB storage', 'DynamoDB PITR', 'Lambda', 'EventBridge (events + archive)', 'EventBridge Scheduler', 'SQS', 'SNS (publishes + machine deliveries)', 'KMS', 'CloudWatch Logs'];

export const briefSubtotal = (r: CostResult): number => BRIEF_SERVICES.reduce((s, k) => s + (r.byService[k] ?? 0), 0);

function printTable(title: string, r: CostResult): void {
  console.log(`\n${title}`);
  const rows = Object.entries(r.byService).sort((x, y) => y[1] - x[1]);
  for (const [name, v] of rows) console.log(`  ${(BRIEF_SERVICES.includes(name) ? name : `${name} *`).padEnd(40)} ${v.toFixed(3).padStart(9)}`);
  const brief = briefSubtotal(r);
  console.log(`  ${'subtotal, the brief\'s services'.padEnd(40)} ${brief.toFixed(3).padStart(9)}  ${brief <= 5 ? '≤ 5 USD: met' : '> 5 USD: NOT met'}`);
  console.log(`  ${'TOTAL (without deliveries to people)'.padEnd(40)} ${r.total.toFixed(3).padStart(9)}  ${r.total <= 5 ? '≤ 5 USD: met' : '> 5 USD: NOT met'}`);
  console.log('  (* billed by this stack, not in the brief\'s list)');
  for (const [name, v] of Object.entries(r.deliveryApart)) console.log(`  apart: ${name.padEnd(33)} ${v.toFixed(3).padStart(9)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = costModel(EXAMPLE_INPUT);
  printTable('Example, USD a month, month 12, no free tier (ap-southeast-1):', result);
  console.log('\nAssumptions:');
  for (const line of [...storage.assumptions, ...result.assumptions]) console.log(`  - ${line}`);
  printTable('Same, with the always-free allowances of FREE_TIERS:', costModel({ ...EXAMPLE_INPUT, freeTiers: true }));
  console.log('\nBy month of operation (no free tier): month → total, brief subtotal, of which DynamoDB storage + PITR (USD)');
  for (const month of [1, 6, 12, 24, 36]) {
    const r = costModel({ ...EXAMPLE_INPUT, month });
    console.log(`  ${String(month).padStart(2)} → ${r.total.toFixed(2).padStart(6)} ${briefSubtotal(r).toFixed(2).padStart(6)} ${(r.byService['DynamoDB storage']! + r.byService['DynamoDB PITR']!).toFixed(2).padStart(6)}`);
  }
}
