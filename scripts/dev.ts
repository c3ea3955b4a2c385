// `npm run dev`: the server restarting on change (node --watch) and the Vite dev server with hot
// reload, which proxies /api, /ws and /docs to it. Open the URL Vite prints. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const children = [
  spawn(process.execPath, ['--watch-path=apps/server/src', 'apps/server/bin/heyblue.js', 'serve', '--log-pretty'], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' }),
];
const stop = (): void => {
  for (const child of children) if (child.pid) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
