// The rewards module's published contracts: its events, error codes, HTTP shapes and websocket messages.
export * from './events.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './partner-http.ts';
export * from './admin-http.ts';
export * from './ws.ts';
export * from './api.ts';
