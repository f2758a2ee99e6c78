/**
 * The browser tests' world: the embedded default with its demo (simulated
 * clock at the end of the demo quarter, in memory), and Debian's Chromium
 * driven headless by playwright-core. Screenshots go to test/browser/artifacts/.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'chibo-browser-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const runtime = await startRuntime({ dataDir: null, stateDir: dir, port: 0, simulatedStart: DEMO_UNTIL, tokensFile: join(dir, 'no-tokens.json'), console: null });
  await seedDemo(runtime, () => {});
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  return {
    runtime,
    browser,
    page,
    async close() {
      await browser.close();
      await runtime.close();
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The API as the page's user (127.0.0.1 without a tokens file: the one admin). */
export async function apiGet<T>(runtime: Runtime, path: string): Promise<T> {
  const res = await fetch(`${runtime.url}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
