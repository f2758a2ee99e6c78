/**
 * `chibo serve` (what `npm start` runs): the embedded monitor on this machine.
 * A first start with an empty store seeds the demo.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { instantMs } from '../shared/calendar/period.ts';
import { Instant } from '../shared/contract/primitives.ts';
import { DEMO_UNTIL, seedDemo } from '../local/demo.ts';
import { PortInUseError, startRuntime } from '../local/runtime.ts';
import { chiboFolders } from './home.ts';
import { InputError } from './input-error.ts';

export const SERVE_USAGE = `chibo serve [--port N] [--memory] [--no-demo] [--clock real|simulated] [--start ISO]

  --port     HTTP port on 127.0.0.1 (default: PORT or 3000)
  --memory   a throwaway store (default: on disk in CHIBO_HOME/data, or CHIBO_DATA_DIR)

  Everything it writes goes under CHIBO_HOME (default ./.chibo): the store in data/,
  outbox.jsonl, dead-letters.jsonl and state.json. CHIBO_DATA_DIR moves the store alone.
  Notices reach people through the channels set in the environment: CHIBO_SMTP_URL
  (e-mail), CHIBO_SMS_URL (an SMS gateway), CHIBO_ZNS_URL + CHIBO_ZNS_TOKEN (Zalo),
  to the contacts of PUT /contacts or \`chibo import contacts\` (docs/operations.md).
  --no-demo  start empty instead of seeding the demo on a first start
  --clock    real (default): the daily sweep at 06:00 Asia/Ho_Chi_Minh; simulated: POST /admin/clock {"now": ISO} moves time
  --start    where a simulated clock starts (default: after the demo quarter, 2026-04-04T06:00:00+07:00)`;

/** The start-up line on who is served: the tokens file that was read, or that none was. */
export function tokensBanner(tokens: { file: string; count: number } | null): string {
  if (!tokens) return 'Không có chibo.tokens.json: chỉ phục vụ 127.0.0.1, quyền admin. / No tokens file: 127.0.0.1 only, as admin.';
  return `Đã đọc ${tokens.file}: ${tokens.count} token; mỗi yêu cầu cần một token. / Read ${tokens.file}: ${tokens.count} token${tokens.count === 1 ? '' : 's'}; every request needs one.`;
}

export async function serveCommand(argv: string[], out: NodeJS.WritableStream): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, memory: { type: 'boolean' }, 'no-demo': { type: 'boolean' }, clock: { type: 'string', default: 'real' }, start: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    throw new InputError('arguments', null, null, `${(err as Error).message}\n${SERVE_USAGE}`);
  }
  if (values.clock !== 'real' && values.clock !== 'simulated') throw new InputError('--clock', null, null, `expected real or simulated, not "${values.clock}"`);
  if (values.start !== undefined && !Instant.safeParse(values.start).success) throw new InputError('--start', null, null, `"${values.start}" is not an ISO 8601 instant with an offset`);
  const port = Number(values.port ?? process.env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError('--port', null, null, `"${values.port}" is not a port`);
  const { home: stateDir, dataDir } = chiboFolders(process.env);

  // The SDK here talks only to the local dynalite; its notice about Node 22 (for AWS's release policy) is noise on this console.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const started = Date.now();
  const runtime = await startRuntime({
    dataDir: values.memory ? null : dataDir,
    stateDir,
    port,
    simulatedStart: values.clock === 'simulated' ? (values.start ? instantMs(values.start) : DEMO_UNTIL) : null,
    tokensFile: resolve('chibo.tokens.json'),
    console: out,
  }).catch((err: unknown) => {
    throw err instanceof PortInUseError ? new InputError('--port', null, null, err.message) : err;
  });
  const say = (line: string) => out.write(`${line}\n`);
  const empty = (await runtime.orgStore.meta()) === null;
  if (empty && !values['no-demo']) {
    const demo = await seedDemo(runtime, say);
    say(`Demo đã sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây: ${demo.units} đơn vị, ${demo.events} sự kiện. / Demo ready.`);
  }
  say('');
  say(`chibo-monitor đang chạy tại ${runtime.url}  (store: ${values.memory ? 'memory' : dataDir}; clock: ${values.clock})`);
  say(`Bảng điều khiển / dashboard: ${runtime.url}/`);
  say(`Thông báo / notifications: ${runtime.outboxFile}`);
  for (const line of runtime.channels) say(line);
  say(tokensBanner(runtime.tokens));
  if (runtime.resumed > 0) say(`Tiếp tục ${runtime.resumed} sự kiện đã nhận mà lần chạy trước chưa xử lý xong / Finished ${runtime.resumed} accepted events a stopped run had not.`);
  if (runtime.resumedDeliveries > 0) say(`Gửi tiếp ${runtime.resumedDeliveries} thông báo mà lần chạy trước chưa gửi xong / Sending ${runtime.resumedDeliveries} notices a stopped run had not sent.`);
  say('Thử / try:');
  say(`  curl ${runtime.url}/health`);
  say(`  curl '${runtime.url}/findings?kind=violation'`);
  say(`  curl '${runtime.url}/obligations?subject=SH.C001.KDC04'`);
  const urlOption = runtime.url === 'http://127.0.0.1:3000' ? '' : ` --url ${runtime.url}`;
  say(`  npx chibo findings --kind violation${urlOption}`);
  say(`  npx chibo report --period 2026-Q1${urlOption}     (--format csv | xlsx)`);
  if (values.clock === 'simulated') say(`  curl -X POST ${runtime.url}/admin/clock -d '{"now":"2026-05-01T06:00:00+07:00"}'`);
  say('Ctrl+C để dừng / to stop.');
  await new Promise<void>((resolveStop) => {
    const stop = () => void runtime.close().then(resolveStop);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

