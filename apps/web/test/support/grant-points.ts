/**
 * `node apps/web/test/support/grant-points.ts --data-dir <dir> <accountId>:<points> …` credits each
 * account through the operator's `rewards.grant` command, as `heyblue rewards grant` does, but in one
 * process: the embedded database opens once instead of once per person, which keeps the browser
 * tests' setup short on a busy machine. Run it before the server starts (the data folder is locked).
 */

/** The part of a composed server this script uses. */
interface Composed {
  commands: ReadonlyMap<string, { run(options: Record<string, string>): Promise<string> }>;
  stop(reason: string): Promise<void>;
}

// Loaded by address, not by a static import, so the web app's typecheck does not compile the server's sources.
const serverSource = new URL('../../../server/src/', import.meta.url);
const composition: unknown = await import(new URL('composition.ts', serverSource).href);
const configuration: unknown = await import(new URL('platform/config/config.ts', serverSource).href);

function functionNamed(module: unknown, name: string): (...args: unknown[]) => unknown {
  const value: unknown = typeof module === 'object' && module !== null ? Reflect.get(module, name) : undefined;
  if (typeof value !== 'function') throw new Error(`the server no longer exports ${name}`);
  return (...args) => Reflect.apply(value, undefined, args);
}

function isComposed(value: unknown): value is Composed {
  return typeof value === 'object' && value !== null && 'commands' in value && value.commands instanceof Map && 'stop' in value && typeof value.stop === 'function';
}

const [flag, dataDir, ...grants] = process.argv.slice(2);
if (flag !== '--data-dir' || !dataDir || grants.length === 0) throw new Error('usage: grant-points.ts --data-dir <dir> <accountId>:<points> …');

const config = functionNamed(configuration, 'loadConfig')({ env: process.env, argv: ['--data-dir', dataDir] });
const server = await functionNamed(composition, 'composeServer')(config);
if (!isComposed(server)) throw new Error('composeServer answered something unexpected');
try {
  const grant = server.commands.get('rewards.grant');
  if (!grant) throw new Error('the rewards module offers no rewards.grant command');
  for (const pair of grants) {
    const [account = '', points = ''] = pair.split(':');
    console.log(await grant.run({ account, points, reason: 'Welcome points' }));
  }
} finally {
  await server.stop('cli');
}
