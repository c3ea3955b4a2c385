import { Command } from 'commander';
import { composeServer, migrationSetsOf, productModules } from './composition.ts';
import { runServer } from './serve.ts';
import { ConfigError, loadConfig, type Config } from './platform/config/config.ts';
import { SettingsSchema } from './platform/config/settings.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { migrate } from './platform/db/migrator.ts';
import { openPglite } from './platform/db/pglite.ts';
import { openPostgres } from './platform/db/postgres.ts';
import { generateKeyringJson } from './platform/keys/keyring.ts';
import { SERVER_VERSION } from './version.ts';

/** `heyblue <command>`: the operator's entry. Settings come from env vars or `--flags` (see `heyblue settings`). */
const program = new Command('heyblue').version(SERVER_VERSION).description('Hey Blue! server').allowUnknownOption(true).allowExcessArguments(true);

program
  .command('serve', { isDefault: true })
  .description('run the server (HTTP, websocket, web app, relay)')
  .allowUnknownOption(true)
  .action(async () => {
    try {
      await runServer(readConfig());
    } catch (error) {
      // Problems an operator can fix get one clear line, not a stack trace.
      if (error instanceof DataDirLockedError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .allowUnknownOption(true)
  .action(async () => {
    const config = readConfig();
    const database = config.database.kind === 'pglite' ? await openPglite(config.database.dir) : openPostgres(config.database.url);
    try {
      const report = await migrate(database.db, migrationSetsOf(Object.values(productModules)));
      console.log(report.applied.length === 0 ? 'Database is up to date.' : `Applied:\n${report.applied.map((m) => `  ${m}`).join('\n')}`);
    } finally {
      await database.close();
    }
  });

program
  .command('keys')
  .description('key management')
  .command('generate')
  .description('print a new keyring (JSON) for KEYS / KEYS_FILE in distributed mode')
  .action(() => console.log(generateKeyringJson()));

const admin = program.command('admin').description('admin accounts');
admin
  .command('create')
  .description('make the account with this email an admin (created if needed); they sign in with a code')
  .requiredOption('--email <email>', 'their email address')
  .allowUnknownOption(true)
  .action(async (options: { email: string }) => runCommand('admin.create', { email: options.email }, ['--email']));

program
  .command('seed')
  .description('create many accounts at once for demos and load tests (citizens, and officers verified by a seed precinct); refused in production')
  .option('--citizens <n>', 'how many citizens', '0')
  .option('--officers <n>', 'how many verified officers', '0')
  .option('--prefix <prefix>', 'email prefix, so runs can be told apart', 'demo')
  .option('--sessions-file <path>', 'also sign every seeded account in and write its tokens to this file (JSON lines, mode 0600), for simulators')
  .option('--allow-production', 'allow seeding a production server')
  .allowUnknownOption(true)
  .action(async (options: { citizens: string; officers: string; prefix: string; sessionsFile?: string; allowProduction?: boolean }) =>
    runCommand('seed.accounts', options, ['--citizens', '--officers', '--prefix', '--sessions-file', '--allow-production']));

const rewards = program.command('rewards').description('points');
rewards
  .command('grant')
  .description('credit a person from issuance (a goodwill adjustment, shown in their history with the reason)')
  .requiredOption('--account <id>', 'their account id')
  .requiredOption('--points <n>', 'how many points')
  .option('--reason <text>', 'why, shown to them', 'Operator adjustment')
  .allowUnknownOption(true)
  .action(async (options: { account: string; points: string; reason: string }) => runCommand('rewards.grant', options, ['--account', '--points', '--reason']));

program
  .command('settings')
  .description('list every setting with its default')
  .action(() => {
    for (const [name, schema] of Object.entries(SettingsSchema.properties)) {
      const s = schema as { default?: unknown; description?: string };
      const flag = `--${name.toLowerCase().replaceAll('_', '-')}`;
      console.log(`${name.padEnd(28)} ${flag.padEnd(30)} ${s.default === undefined ? '' : `[${String(s.default)}] `}${s.description ?? ''}`);
    }
  });

/** Runs a module's operator command against a composed server that does not listen. */
async function runCommand(name: string, options: Record<string, string | boolean | undefined>, ownFlags: readonly string[]): Promise<void> {
  const server = await composeServer(readConfig(ownFlags));
  try {
    const command = server.commands.get(name);
    if (!command) throw new Error(`no module offers the command ${name}`);
    console.log(await command.run(options));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  } finally {
    await server.stop('cli');
  }
}

function readConfig(commandFlags: readonly string[] = []): Config {
  try {
    return loadConfig({ env: process.env, argv: withoutFlags(process.argv.slice(2), commandFlags) });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

await program.parseAsync(process.argv);

/** The arguments left for settings once a command's own flags (and their values) are taken out. */
function withoutFlags(argv: readonly string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const flag = arg.split('=')[0] ?? '';
    if (!flags.includes(flag)) {
      out.push(arg);
      continue;
    }
    if (!arg.includes('=') && argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) i++;
  }
  return out;
}
