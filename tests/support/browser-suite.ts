import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { axeProblems, launchBrowser, phoneContext, watchPage } from './browser.ts';
import type { TestClient } from './test-client.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export interface BrowserSuiteOptions {
  /** Environment for the suite's server, e.g. `{ TEACHER_PASSWORD: '…' }`. */
  env?: Record<string, string>;
}

export interface BrowserSuite {
  /** The suite's server (fake clock, temporary DATA_DIR); readable once the suite has started. */
  readonly server: TestServer;
  /** The suite's headless Chromium; readable once the suite has started. */
  readonly browser: Browser;
  /** What the watched pages reported (page errors, dialogs, CSP violations); tests expect it empty. */
  readonly problems: string[];
  /** Socket.IO test clients to close when the suite ends: push each one a test connects. */
  readonly clients: TestClient[];
  /** A new phone-sized page in a context of its own, watched for problems under `name`. */
  phone(name: string): Promise<Page>;
  /**
   * A new page in a context of its own made with `options` (a teacher's laptop, a wall
   * display), watched for problems under `name`; `page.context()` reaches the context.
   */
  page(name: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Registers the hooks every browser suite needs: a test server and Chromium before the first
 * test, and after the last the clients, the browser and the server closed, in that order (the
 * clients first so the server does not wait for their sockets). Call it in a `describe` block;
 * hooks the caller registers after it run after its start and before its end.
 */
export function useBrowserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(options.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await browser?.close();
    await server?.close();
  });

  // Read before beforeAll (at collection time), they would be undefined: say so instead.
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowserSuite: the ${what} is not there yet; read it inside a test or hook.`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    problems,
    clients,
    phone: async (name) => watchPage(await (await phoneContext(started(browser, 'browser'))).newPage(), problems, name),
    page: async (name, contextOptions) => watchPage(await (await started(browser, 'browser').newContext(contextOptions)).newPage(), problems, name),
  };
}

/** Expects axe-core to find no serious or critical problem on the page; `what` names it in a failure. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await axeProblems(page), `axe on ${what}`).toEqual([]);
}
