// The identity module's published contracts: its events and error codes.
export * from './events.ts';
export * from './errors.ts';
