import { AppError } from '../../../platform/errors/app-error.ts';

/** What an officer is available for. */
export interface Modes {
  readonly inPerson: boolean;
  readonly virtual: boolean;
}

/** A window is for meeting in person, online, or both — never for nothing. */
export function assertSomeMode(modes: Modes): void {
  if (!modes.inPerson && !modes.virtual) throw new AppError('CONNECTIONS_MODE_REQUIRED');
}

/** When a window opened or extended now closes. */
export function closesAt(now: Date, windowMinutes: number): Date {
  return new Date(now.getTime() + windowMinutes * 60_000);
}
