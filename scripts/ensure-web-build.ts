// Builds the web app when its build is missing or older than its sources, so `npm start` serves it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../apps/web');
const built = path.join(web, 'dist/index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const sources = [path.join(web, 'src'), path.join(web, 'public'), path.join(web, 'build')].filter((d) => fs.existsSync(d));
const configFiles = ['index.html', 'vite.config.ts'].map((f) => path.join(web, f)).filter((f) => fs.existsSync(f));
const sourceTime = Math.max(...sources.map(newest), ...configFiles.map((f) => fs.statSync(f).mtimeMs));
if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('Building the web app…');
const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit', cwd: path.resolve(web, '../..') });
process.exit(result.status ?? 1);
