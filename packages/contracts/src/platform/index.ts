// The platform's own contracts: lifecycle events and the error codes every route may answer with.
export * from './events.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './ws.ts';
