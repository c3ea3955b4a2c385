import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/platform/config/config.ts';

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(prefix = 'heyblue-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A test configuration: quiet, on a free port, in a temporary data folder; `settings` override. */
export function testConfig(settings: Record<string, string> = {}): Config {
  // No basemap unless a test brings its own tile server: tests never reach out to the internet.
  return loadConfig({ env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDir(), MAP_STYLE_URL: 'off', ...settings } });
}
