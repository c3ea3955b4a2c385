// Building blocks every module's contracts use: event definitions and error specs.
export * from './events.ts';
export * from './errors.ts';
export * from './http.ts';
