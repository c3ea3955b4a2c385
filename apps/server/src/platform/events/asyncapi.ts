import type { EventCatalog } from './event-catalog.ts';

/** Envelope fields as JSON Schema, shared by every message. */
const envelopeProperties = {
  id: { type: 'string', format: 'uuid', description: 'Unique id; Nats-Msg-Id on the bus and the inbox key.' },
  type: { type: 'string', description: 'The versioned event name, also the subject.' },
  occurredAt: { type: 'string', format: 'date-time', description: 'When the state change happened.' },
  actorId: { type: ['string', 'null'], description: 'The account that caused it, or null for the system.' },
  correlationId: { type: 'string', description: 'Ties together everything one request caused.' },
  causationId: { type: ['string', 'null'], description: 'The event or request that directly caused this one.' },
};

/** An AsyncAPI 3 document describing every event in the catalog, generated from the same schemas the code checks. */
export function asyncApiDocument(catalog: EventCatalog, info: { version: string; natsUrl?: string }): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const definition of Object.values(catalog).sort((a, b) => a.type.localeCompare(b.type))) {
    const key = definition.type.replaceAll('.', '_');
    messages[key] = {
      name: definition.type,
      title: definition.type,
      summary: definition.description,
      contentType: 'application/json',
      payload: {
        type: 'object',
        required: [...Object.keys(envelopeProperties), 'payload'],
        properties: { ...envelopeProperties, type: { const: definition.type }, payload: definition.payload },
      },
    };
    channels[key] = { address: definition.type, description: definition.description, messages: { [key]: { $ref: `#/components/messages/${key}` } } };
    operations[`publish_${key}`] = { action: 'send', channel: { $ref: `#/channels/${key}` }, summary: definition.description };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'Hey Blue! events', version: info.version, description: 'Events written to the outbox and relayed to the bus (in-process or NATS JetStream). Delivery is at-least-once; consumers apply each effect once through their inbox.' },
    defaultContentType: 'application/json',
    servers: info.natsUrl ? { nats: { host: new URL(info.natsUrl).host, protocol: 'nats', description: 'NATS JetStream' } } : {},
    channels,
    operations,
    components: { messages },
  };
}
