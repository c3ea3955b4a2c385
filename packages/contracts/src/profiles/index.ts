// The profiles module's published contracts: its events, error codes, module API and HTTP shapes.
export * from './events.ts';
export * from './errors.ts';
export * from './api.ts';
export * from './http.ts';
