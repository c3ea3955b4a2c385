import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 256 ids at a time, as `crypto.randomUUID` does: one call into the system's generator per id cost more than the rest. */
const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * A new event id: a UUID version 7 (RFC 9562), its first 48 bits the time in milliseconds and the rest
 * random. Ids of events written close together sort together, so the outbox's and the inboxes'
 * indexes on them grow at one edge instead of touching a random page per event (on PGlite an
 * outbox write went from 0.58 to 0.72 of a plain transaction's rate). The time they show is already
 * in the envelope's `occurredAt`.
 */
export function newEventId(now = Date.now()): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  bytes.writeUIntBE(now, 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
