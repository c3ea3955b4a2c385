// Who may call whom (docs/adr/0013-module-apis.md): the product's modules are built in dependency
// order, and each is handed, by name, the APIs of the modules built before it that it calls. A module
// can only call what is passed here, so a cycle cannot be written: a module built later is not there yet.
import type { IdentityApi } from '@heyblue/contracts/identity';
import type { ProfilesApi } from '@heyblue/contracts/profiles';
import type { RewardsApi } from '@heyblue/contracts/rewards';
import type { ModuleDeps, ModuleFacts, ModuleParts, ServerModule } from './platform/module.ts';

/** The product's modules by name, each typed by the APIs it needs and the one it gives. */
export interface ProductModules {
  readonly identity: ServerModule<Record<never, never>, IdentityApi>;
  readonly profiles: ServerModule<{ readonly identity: IdentityApi }, ProfilesApi>;
  readonly connections: ServerModule<{ readonly rewards: RewardsApi }>;
  readonly rewards: ServerModule<{ readonly identity: IdentityApi; readonly profiles: ProfilesApi }, RewardsApi>;
}

/** A built module beside its facts. */
export type BuiltModule = readonly [ModuleFacts, ModuleParts<unknown>];

/** Builds the product's modules in dependency order, handing each the APIs it calls; answers them in that order. */
export function buildProduct(modules: ProductModules, deps: ModuleDeps): BuiltModule[] {
  const identity = modules.identity.create(deps, {});
  const profiles = modules.profiles.create(deps, { identity: apiOf(identity, 'identity') });
  const rewards = modules.rewards.create(deps, { identity: apiOf(identity, 'identity'), profiles: apiOf(profiles, 'profiles') });
  const connections = modules.connections.create(deps, { rewards: apiOf(rewards, 'rewards') });
  // Answered in the order routes, consumers and start-up have always run in.
  return [[modules.identity, identity], [modules.profiles, profiles], [modules.connections, connections], [modules.rewards, rewards]];
}

/** A module's API, which a module that declares one must give. */
function apiOf<Api>(parts: ModuleParts<Api>, name: string): Api {
  if (parts.api === undefined) throw new Error(`the ${name} module declares an API but did not give one`);
  return parts.api;
}

/** Builds modules that call no other module (test fixtures), after the product's. */
export function buildStandalone(modules: readonly ServerModule[], deps: ModuleDeps): BuiltModule[] {
  return modules.map((module): BuiltModule => [module, module.create(deps, {})]);
}
