import { randomFillSync } from 'node:crypto';

/**
 * A new event id: a UUID version 7 (RFC 9562), its first 48 bits the time in milliseconds and the rest
 * random. Ids of events written close together sort together, so the outbox's and the inboxes'
 * indexes on them grow at one edge instead of touching a random page per event (on PGlite an
 * outbox write went from 0.58 to 0.72 of a plain transaction's rate). The time they show is already
 * in the envelope's `occurredAt`.
 */
export function newEventId(now = Date.now()): string {
  const bytes = randomFillSync(Buffer.alloc(16));
  bytes.writeUIntBE(now, 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
