/**
 * The browser tests' world: the embedded default with its demo (simulated
 * clock at the end of the demo quarter, in memory), and Debian's Chromium
 * driven headless by playwright-core. Screenshots go to test/browser/artifacts/.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { DEMO_UNTIL, seedDemo } from '../../local/demo.ts';
import { startRuntime, type Runtime } from '../../local/runtime.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** TOOLCHAIN.md, "Browser". */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

export interface World {
  runtime: Runtime;
  browser: Browser;
  page: Page;
  /** A page of its own (own storage, own cookies), e.g. another user's; phone-sized with `viewport`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/** A tokens file's entries (local/tokens.ts): token (16+ characters) → name, units and roles. */
export type Tokens = Record<string, { name?: string; units: string[]; roles: Array<'recorder' | 'inspector' | 'admin'> }>;

export interface WorldOptions {
  /** The runtime's environment instead of the process's (e.g. CHIBO_SMTP_URL). */
  env?: NodeJS.ProcessEnv;
  /** Runs once the demo's org is in and before its quarter is replayed: a contact directory put here receives the quarter's notices. */
  beforeReplay?: (runtime: Runtime) => Promise<void>;
  /** Serve these tokens instead of the loopback admin: every request then needs one (apiGet's and apiSend's `token`). */
  tokens?: Tokens;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-browser-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const tokensFile = join(dir, options.tokens ? 'chibo.tokens.json' : 'no-tokens.json');
  if (options.tokens) await writeFile(tokensFile, JSON.stringify({ tokens: options.tokens }));
  const runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: DEMO_UNTIL, tokensFile, console: null, ...(options.env ? { env: options.env } : {}) });
  const { beforeReplay } = options;
  // seedDemo puts the org, then replays: the hook rides on its org replace, the one seam between the two.
  const seeded: Runtime = beforeReplay
    ? {
        ...runtime,
        api: {
          ...runtime.api,
          orgStore: {
            ...runtime.api.orgStore,
            replace: async (snapshot) => {
              const counts = await runtime.api.orgStore.replace(snapshot);
              await beforeReplay(runtime);
              return counts;
            },
          },
        },
      }
    : runtime;
  await seedDemo(seeded, () => {});
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const newPage = async (more: BrowserContextOptions = {}) => (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, ...more })).newPage();
  const page = await newPage();
  return {
    runtime,
    browser,
    page,
    newPage,
    async close() {
      await browser.close();
      await runtime.close();
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

const bearer = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** The API as the page's user (127.0.0.1 without a tokens file: the one admin; with one, the token's caller). */
export async function apiGet<T>(runtime: Runtime, path: string, token?: string): Promise<T> {
  const res = await fetch(`${runtime.url}${path}`, { headers: bearer(token) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A PUT or POST to the API as the local admin; throws unless 2xx. */
export async function apiSend<T>(runtime: Runtime, method: 'PUT' | 'POST', path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${runtime.url}${path}`, { method, headers: { 'content-type': 'application/json', ...bearer(token) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
