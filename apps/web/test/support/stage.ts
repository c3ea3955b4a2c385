/** The server and browser one browser-test file shares: started before its tests, stopped after. */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

/** What a test file's tests run against. */
export interface Stage {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Registers `before`/`after` hooks for the file and returns the stage they set up; `env` goes to the server. */
export function useStage(env: Record<string, string> = {}): Stage {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
  };
}
