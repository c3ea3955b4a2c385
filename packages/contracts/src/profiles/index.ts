// The profiles module's published contracts: its events, error codes and HTTP shapes.
export * from './events.ts';
export * from './errors.ts';
export * from './http.ts';
