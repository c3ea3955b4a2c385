import type { WsGateway } from '../../../platform/ws/gateway.ts';
import type { LiveHub } from '../application/live-hub.ts';
import { connectionsErrors } from '@heyblue/contracts/connections';

/** The websocket side of the live path: `location` and `location.stop` messages in, `location.rejected` out. */
export function registerLocationMessages(gateway: WsGateway, hub: LiveHub): void {
  gateway.handle('location', (message, context) => {
    const rejected = hub.receiveLocation(context.actor.userId, context.actor.roles?.includes('officer') ?? false, message);
    if (rejected && rejected !== 'dropped') context.reply({ type: 'location.rejected', code: rejected, message: connectionsErrors[rejected].message });
  });
  gateway.handle('location.stop', (_message, context) => {
    hub.stopSharing(context.actor.userId);
  });
}
