// Every module's contracts together, for the server's registries and the compiler's checks. The web
// imports a module's folder instead (a page loads only the schemas it uses); type-only imports from
// here cost it nothing.
import type { Static } from 'typebox';
import { connectionsErrors } from '../connections/errors.ts';
import { connectionsClientMessages, connectionsServerMessages } from '../connections/ws.ts';
import { identityErrors } from '../identity/errors.ts';
import { platformErrors } from '../platform/errors.ts';
import { platformClientMessages, platformServerMessages } from '../platform/ws.ts';
import { profilesErrors } from '../profiles/errors.ts';
import { rewardsErrors } from '../rewards/errors.ts';
import { rewardsClientMessages, rewardsServerMessages } from '../rewards/ws.ts';

/** Every error code the server may answer with, and its status and message. */
export const allErrors = { ...platformErrors, ...identityErrors, ...profilesErrors, ...connectionsErrors, ...rewardsErrors } as const;

/** An error code some contract declares: `AppError` takes nothing else. */
export type ErrorCode = keyof typeof allErrors;

/** Whether `code` (read from storage or another service) is a declared error code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(allErrors, code);
}

/** Every message the server sends on `/ws`, by type: the gateway's and each module's. */
export const serverMessages = { ...platformServerMessages, ...connectionsServerMessages, ...rewardsServerMessages } as const;

/** A message type the server sends. */
export type ServerMessageType = keyof typeof serverMessages;

/** Any message the server sends on `/ws`: nothing else compiles at `sendToUser` or `reply`. */
export type ServerMessage = Static<(typeof serverMessages)[ServerMessageType]>;

/** Every message an app may send on `/ws`, by type. */
export const clientMessages = { ...platformClientMessages, ...connectionsClientMessages, ...rewardsClientMessages } as const;

/** A message type an app may send. */
export type ClientMessageType = keyof typeof clientMessages;

/** The message of type `T` an app sends. */
export type ClientMessageOf<T extends ClientMessageType> = Static<(typeof clientMessages)[T]>;
