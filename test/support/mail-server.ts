/**
 * A real SMTP server for the tests (smtp-server on 127.0.0.1, a free port):
 * every message it accepts, parsed by mailparser. `reject` refuses chosen
 * recipients with a 5xx, as a server refusing an unknown mailbox does.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  mail: ParsedMail;
}

export interface MailServer {
  url: string;
  received: Received[];
  /** Addresses refused at RCPT TO with 550. */
  reject: Set<string>;
  /** Whether to drop the next n messages with a 451 (a server busy for a while). */
  busyFor(n: number): void;
  /** Waits until at least n messages have come. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const received: Received[] = [];
  const reject = new Set<string>();
  let busy = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address)) {
        const err = Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (busy > 0) {
          busy--;
          return callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        }, callback);
      });
    },
  });
  // A client killed mid-session resets its connection: that is the drill, not a failure of the server.
  server.on('error', () => undefined);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    reject,
    busyFor: (n) => void (busy = n),
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`waited for ${n} messages, ${received.length} came`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
