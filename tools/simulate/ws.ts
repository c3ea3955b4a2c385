// The `ws` client and server, resolved from apps/server (whose dependency it is) rather than hoisting.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(import.meta.dirname, '../../apps/server/package.json'));
const ws = require('ws') as typeof import('ws', { with: { 'resolution-mode': 'require' } });

/** The `ws` WebSocket client class. */
export const WebSocket = ws;
/** The `ws` server class. */
export const WebSocketServer = ws.WebSocketServer;
export type { WebSocket as Socket, RawData } from 'ws';
