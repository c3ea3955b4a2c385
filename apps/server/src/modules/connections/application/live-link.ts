import type { LiveWindow, SnappedCell } from '../domain/live-map.ts';
import type { Fix } from '../domain/location-fix.ts';

/**
 * What instances tell each other so every live map knows every available officer and every position,
 * and every fix memory every accepted fix (memory only, never stored). `forget`: a person stopped
 * sharing (their position goes, their fix memory stays); `erase`: their account is gone (both go).
 * An officer's `fix` carries the cell their instance announced them in.
 */
export type LiveMessage =
  | { readonly t: 'open'; readonly officerId: string; readonly window: LiveWindow }
  | { readonly t: 'close'; readonly officerId: string }
  | { readonly t: 'fix'; readonly userId: string; readonly officer: boolean; readonly fix: Fix; readonly area?: SnappedCell }
  | { readonly t: 'forget'; readonly userId: string }
  | { readonly t: 'erase'; readonly userId: string }
  | { readonly t: 'meet'; readonly connectionId: string; readonly a: string; readonly b: string; readonly untilMs: number }
  | { readonly t: 'online'; readonly userId: string };

/** Replicates live-map changes to the other instances; one instance needs none. */
export interface LiveLink {
  publish(message: LiveMessage): void;
  /** Registers how messages from other instances are applied; called once. */
  listen(apply: (message: LiveMessage) => void): void;
  close(): Promise<void>;
}

/** A single instance: nothing to replicate. */
export function soloLink(): LiveLink {
  return { publish() {}, listen() {}, async close() {} };
}
