// The identity module's published contracts: its events, error codes and HTTP shapes.
export * from './events.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './organisations-http.ts';
export * from './api.ts';
