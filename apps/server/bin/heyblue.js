#!/usr/bin/env node
// Plain JavaScript on purpose: it must run, and explain itself, on any Node before TypeScript is loaded.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Hey Blue! needs Node.js 24 or newer, but this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      'Run it through npm (`npm start`, `npm run heyblue -- <command>`), which uses the Node 24 installed in node_modules by `npm ci`, or install Node 24.',
  );
  process.exit(1);
}
await import('../src/main.ts');
