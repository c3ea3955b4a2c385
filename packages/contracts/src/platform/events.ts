import { Type } from 'typebox';
import { catalogOf, defineEvent } from '../shared/events.ts';

/** Events of the platform itself: instances announcing their lifecycle, so operators can follow deployments in the event stream. */
export const platformEvents = catalogOf(
  defineEvent(
    'platform.instance-started.v1',
    Type.Object({
      instanceId: Type.String({ description: 'random id of this server process' }),
      version: Type.String({ description: 'server version' }),
      mode: Type.Union([Type.Literal('embedded'), Type.Literal('distributed')], { description: 'embedded or distributed' }),
    }),
    'A server instance started and is ready to take traffic.',
  ),
  defineEvent(
    'platform.instance-stopped.v1',
    Type.Object({
      instanceId: Type.String({ description: 'random id of this server process' }),
      reason: Type.String({ description: 'why it stopped, e.g. SIGTERM' }),
    }),
    'A server instance shut down gracefully.',
  ),
);
