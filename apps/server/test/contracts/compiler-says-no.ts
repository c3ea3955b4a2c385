// The compiler says no: each line below names something no contract declares, and must fail to
// type-check. `npm run lint` type-checks this file, so a line that stops being an error (a loosened
// contract) fails lint with "Unused '@ts-expect-error' directive"; compiler-says-no.test.ts shows
// that happening on a loosened copy. Nothing here runs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { rewardsEvents, Wallet } from '@heyblue/contracts/rewards';
import { Type } from 'typebox';
import { AppError } from '../../src/platform/errors/app-error.ts';
import type { EventSink } from '../../src/platform/events/unit-of-work.ts';
import type { WsGateway } from '../../src/platform/ws/gateway.ts';

/** The sink a rewards use case emits to. */
type RewardsEvents = EventSink<typeof rewardsEvents>;

export function emitsOnlyDeclaredEvents(events: RewardsEvents): void {
  // @ts-expect-error an event no catalog declares
  events.emit('rewards.no-such-event.v9', { anything: 1 });
  // @ts-expect-error a declared event with a payload of the wrong shape
  events.emit('rewards.gift-sent.v1', { giftId: 'g', senderId: 's', recipientId: 'r', points: 'ten' });
  // @ts-expect-error a declared event missing a field
  events.emit('rewards.gift-sent.v1', { giftId: 'g', senderId: 's', recipientId: 'r' });
}

export function throwsOnlyDeclaredCodes(): never {
  // @ts-expect-error an error code no contract declares
  throw new AppError('REWARDS_NO_SUCH_CODE');
}

export async function sendsOnlyDeclaredMessages(gateway: WsGateway): Promise<void> {
  // @ts-expect-error a websocket message type no contract declares
  await gateway.sendToUser('someone', { type: 'no.such.message' });
  // @ts-expect-error a declared message with a field of the wrong type
  await gateway.sendToUser('someone', { type: 'nearby.left', officerId: 42 });
  // @ts-expect-error a client message type no contract declares
  gateway.handle('no.such.message', () => {});
  gateway.handle('location', (message) => {
    // @ts-expect-error a field the location message's schema lacks
    void message.altitude;
  });
}

export function readsOnlyDeclaredFields(wallet: Wallet): unknown {
  // @ts-expect-error a field the wallet's schema lacks
  return wallet.points;
}

/** A route's body contract. */
const ExampleBody = Type.Object({ points: Type.Integer() });

export const routesReadOnlyDeclaredFields: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/example', { schema: { body: ExampleBody } }, async (request) => {
    // @ts-expect-error a body field the route's schema lacks
    return { bonus: request.body.bonus };
  });
};
