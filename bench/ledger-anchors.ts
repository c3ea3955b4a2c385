// The ledger bench's anchors: pgbench's TPC-B-like transaction on a scratch database of the same
// PostgreSQL server, and a transfer written by one stored-procedure call (one round trip).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../apps/server/src/platform/db/database.ts';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

/** Whether the PostgreSQL server of `url` answers; the reason when it does not. */
export async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A scratch database initialised by `pgbench -i -s <scale>` on the server of `adminUrl`; `drop` removes it. */
export async function pgbenchDatabase(adminUrl: string, scale: number): Promise<{ run(clients: number, threads: number, seconds: number): Promise<number>; drop(): Promise<void> }> {
  const name = `heyblue_pgbench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target = url.toString();
  try {
    await exec(PGBENCH, ['-i', '-q', '-s', String(scale), target]);
  } catch (error) {
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
  return {
    /** Runs the builtin tpcb-like script; resolves to its tps (without initial connection time). */
    async run(clients, threads, seconds) {
      const out = await exec(PGBENCH, ['-n', '-c', String(clients), '-j', String(threads), '-T', String(seconds), '-b', 'tpcb-like', target]);
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
      if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
      return Number(tps);
    },
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

function exec(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args[0]} exited with ${code}:\n${out.slice(-2000)}`))));
  });
}

/**
 * The stored-procedure anchor: the same debit (refused when it would overdraw), credit and transfer row
 * as the ledger's move, on the same tables, written by one function call — one round trip, no
 * transaction block around it.
 */
export async function createTransferFunction(db: Db): Promise<(t: { id: string; from: string; to: string; amount: number }) => Promise<void>> {
  await sql.raw(`create schema if not exists bench;
    create or replace function bench.transfer(p_id uuid, p_from uuid, p_to uuid, p_amount bigint) returns bigint language plpgsql as $$
    declare b bigint;
    begin
      update rewards.accounts set balance = balance - p_amount where id = p_from and (may_go_negative or balance >= p_amount) returning balance into b;
      if not found then raise exception 'insufficient points' using errcode = 'P0001'; end if;
      update rewards.accounts set balance = balance + p_amount where id = p_to;
      insert into rewards.transfers (id, debit_account_id, credit_account_id, amount, kind, reference_id, created_at)
        values (p_id, p_from, p_to, p_amount, 'gift', null, now());
      return b;
    end $$;`).execute(db);
  return async (t) => void (await sql`select bench.transfer(${t.id}, ${t.from}, ${t.to}, ${t.amount})`.execute(db));
}
