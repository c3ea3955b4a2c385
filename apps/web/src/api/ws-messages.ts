// What travels on `/ws` is declared once, in the contracts (the gateway's and each module's ws.ts);
// the app checks every frame it receives with the same schemas the server sends by.
import { connectionsClientMessages, connectionsServerMessages, type WindowEndReason } from '@heyblue/contracts/connections';
import { precompiledChecks as connectionsChecks } from '@heyblue/contracts/connections/checks';
import { platformClientMessages, platformServerMessages } from '@heyblue/contracts/platform';
import { precompiledChecks as platformChecks } from '@heyblue/contracts/platform/checks';
import { rewardsServerMessages } from '@heyblue/contracts/rewards';
import { precompiledChecks as rewardsChecks } from '@heyblue/contracts/rewards/checks';
import type { Static } from 'typebox';
import { fits, usePrecompiledChecks } from './contract.ts';
import { isRecord } from './decode.ts';

// Every frame is checked by code compiled ahead of time (the page may not evaluate code).
usePrecompiledChecks(platformChecks);
usePrecompiledChecks(connectionsChecks);
usePrecompiledChecks(rewardsChecks);

const serverMessages = { ...platformServerMessages, ...connectionsServerMessages, ...rewardsServerMessages } as const;

/** A message type the server sends. */
export type ServerMessageType = keyof typeof serverMessages;

/** Messages the server sends on `/ws`, keyed by `type`. */
export type ServerMessageMap = { [T in ServerMessageType]: Static<(typeof serverMessages)[T]> };

/** Any message the server sends on `/ws`. */
export type ServerMessage = ServerMessageMap[ServerMessageType];

/** Messages the app sends on `/ws`. */
export type ClientMessage = Static<(typeof platformClientMessages)[keyof typeof platformClientMessages] | (typeof connectionsClientMessages)[keyof typeof connectionsClientMessages]>;

/** Why an officer's availability window closed. */
export type AvailabilityCloseReason = WindowEndReason;

function isServerMessageType(type: unknown): type is ServerMessageType {
  return typeof type === 'string' && Object.hasOwn(serverMessages, type);
}

/** Parses one text frame into a known server message; unknown or malformed frames give undefined. */
export function parseServerMessage(frame: unknown): ServerMessage | undefined {
  if (typeof frame !== 'string') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || !isServerMessageType(data['type'])) return undefined;
  const schema = serverMessages[data['type']];
  return fits(schema, data) ? data : undefined;
}
