import { randomUUID } from 'node:crypto';
import type { OperatorCommand } from '../../../platform/module.ts';
import { grantPoints } from '../application/grant-points.ts';
import type { RewardsDeps } from '../application/rewards-deps.ts';

/** `heyblue rewards grant --account <id> --points <n> --reason "…"`: an operator's goodwill credit. */
export function operatorCommands(deps: RewardsDeps): OperatorCommand[] {
  return [
    {
      name: 'rewards.grant',
      async run(options) {
        const accountId = typeof options.account === 'string' ? options.account : '';
        if (!/^[0-9a-f-]{36}$/i.test(accountId)) throw new Error('--account must be an account id (a UUID)');
        const points = Number(options.points);
        if (!Number.isInteger(points) || points < 1 || points > 1_000_000) throw new Error('--points must be a whole number from 1 to 1000000');
        const reason = typeof options.reason === 'string' && options.reason.trim() ? options.reason.trim() : 'Operator adjustment';
        const balance = await grantPoints(deps, { accountId, points, reason }, `cli-${randomUUID()}`);
        return `Granted ${points} points to ${accountId} (${reason}); their balance is ${balance}.`;
      },
    },
  ];
}
