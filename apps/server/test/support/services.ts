import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { generateKeyringJson } from '../../src/platform/keys/keyring.ts';

/** Why the PostgreSQL-server tests are skipped, or false when DATABASE_URL is set. */
export const skipWithoutPostgres: string | false = process.env.DATABASE_URL ? false : 'DATABASE_URL is not set: PostgreSQL-server tests skipped';
/** Why the NATS tests are skipped, or false when NATS_URL is set. */
export const skipWithoutNats: string | false = process.env.NATS_URL ? false : 'NATS_URL is not set: NATS tests skipped';

/** A new, empty database on the PostgreSQL server of DATABASE_URL; dropped by `drop`. */
export async function freshPostgresDatabase(): Promise<{ url: string; open(): Database; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `heyblue_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openPostgres(url.toString()),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Settings for distributed mode against a fresh database: DATABASE_URL, KEYS and (when set) NATS_URL with its own stream. */
export async function distributedSettings(): Promise<{ settings: Record<string, string>; subjectPrefix: string; drop(): Promise<void> }> {
  const database = await freshPostgresDatabase();
  const suffix = randomBytes(4).toString('hex');
  const settings: Record<string, string> = { DATABASE_URL: database.url, KEYS: generateKeyringJson() };
  if (process.env.NATS_URL) Object.assign(settings, { NATS_URL: process.env.NATS_URL, NATS_STREAM: `HEYBLUE_T_${suffix}` });
  const drop = async (): Promise<void> => {
    await database.drop();
    if (settings.NATS_STREAM) await deleteStream(settings.NATS_STREAM);
  };
  return { settings, subjectPrefix: `t${suffix}.`, drop };
}

/** Removes a test's JetStream stream (and its consumers) from the shared NATS server. */
export async function deleteStream(name: string): Promise<void> {
  const nc = await connect({ servers: process.env.NATS_URL });
  try {
    await (await jetstreamManager(nc)).streams.delete(name).catch(() => undefined);
  } finally {
    await nc.close();
  }
}
