import { Command } from 'commander';
import { migrationSetsOf, productModules } from './composition.ts';
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
      const report = await migrate(database.db, migrationSetsOf(productModules));
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

function readConfig(): Config {
  try {
    return loadConfig({ env: process.env, argv: process.argv.slice(2) });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

await program.parseAsync(process.argv);
