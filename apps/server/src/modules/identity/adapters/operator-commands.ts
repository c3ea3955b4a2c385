import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { OperatorCommand } from '../../../platform/module.ts';
import { makeAdmin } from '../application/admins.ts';
import type { IdentityDeps } from '../application/identity-deps.ts';
import { seedAccounts } from '../application/seed-accounts.ts';

/** `heyblue admin create --email …` and `heyblue seed …`. */
export function operatorCommands(deps: IdentityDeps, mode: string): OperatorCommand[] {
  return [
    {
      name: 'admin.create',
      async run(options) {
        const email = typeof options.email === 'string' ? options.email : '';
        const account = await deps.unitOfWork({ actorId: null, correlationId: `cli-${randomUUID()}`, causationId: null }, (tx, events) => makeAdmin(deps, tx, email, 'cli', events));
        return `${account.email} is an admin (account ${account.id}). They sign in with a code sent to that address.`;
      },
    },
    {
      name: 'seed.accounts',
      async run(options) {
        if (mode === 'production' && options.allowProduction !== true) throw new Error('Seeding is refused in production; pass --allow-production if you really mean it.');
        const count = (value: unknown, name: string): number => {
          const n = Number(value ?? 0);
          if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new Error(`--${name} must be a whole number from 0 to 100000`);
          return n;
        };
        const prefix = typeof options.prefix === 'string' && /^[a-z0-9-]{1,20}$/.test(options.prefix) ? options.prefix : 'demo';
        const sessionsFile = typeof options.sessionsFile === 'string' ? options.sessionsFile : undefined;
        const report = await seedAccounts(deps, { citizens: count(options.citizens, 'citizens'), officers: count(options.officers, 'officers'), prefix, sessions: sessionsFile !== undefined });
        if (sessionsFile) writeFileSync(sessionsFile, report.sessions.map((s) => JSON.stringify(s)).join('\n') + '\n', { mode: 0o600 });
        return `Seed accounts: ${report.citizens} citizens and ${report.officers} verified officers${report.precinctId ? ` (precinct ${report.precinctId})` : ''}, ${report.created} of them new; emails ${report.emailPattern}${sessionsFile ? `; ${report.sessions.length} signed-in sessions written to ${sessionsFile}` : ''}.`;
      },
    },
  ];
}
