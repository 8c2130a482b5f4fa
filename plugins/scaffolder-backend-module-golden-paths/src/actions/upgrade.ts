import type { PermissionsService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  goldenPathsUpgradeCreatePermission,
  type UpgradePlan,
} from '@golden-paths/golden-paths-common';
import type { ComponentUpgraderService } from '@golden-paths/golden-paths-node';
import { parseActionInput } from '../lib/parseActionInput';
import { requirePermission } from '../lib/requirePermission';
import { examples } from './upgrade.examples';
import { upgradeInputSchema, upgradeOutputSchema } from './upgradeSchema';

const ACTION_ID = 'golden-paths:upgrade';

function report(
  ctx: { logger: { info(message: string): void } },
  plan: UpgradePlan,
) {
  ctx.logger.info(
    `${plan.entityRef}: ${plan.mode} from ${plan.fromVersion} to ${plan.toVersion}, ${plan.summary.changed} file(s) changed, ${plan.summary.conflicts} conflict(s), ${plan.summary.flagged} flagged`,
  );
  for (const file of plan.files) {
    ctx.logger.info(
      `  ${file.flagged ? '!' : ' '} ${file.outcome.padEnd(14)} ${
        file.previousPath ? `${file.previousPath} -> ` : ''
      }${file.path}`,
    );
  }
}

/**
 * Creates the `golden-paths:upgrade` action: it upgrades a component
 * scaffolded from a golden path to the path's current version by a
 * three-way merge (old version, repository, new version), as the user
 * running the template, and delivers the result on the branch
 * `golden-paths/upgrade-<path>` of the component's local repository
 * (never touching its working tree), or as a pull request from that branch
 * when the repository is on GitHub. In a dry run, or with `planOnly`, it
 * only plans.
 *
 * Like the API, it checks the permissions of the user running the template:
 * a plan needs read access to the component in the catalog; a run also
 * needs `golden-paths.upgrade.create`, checked before anything is read.
 *
 * @public
 */
export function createUpgradeAction(options: {
  upgrader: ComponentUpgraderService;
  permissions: PermissionsService;
}) {
  const { upgrader, permissions } = options;
  return createTemplateAction({
    id: ACTION_ID,
    description:
      "Upgrades a component made from a golden-path template to the path's current version by three-way merge, on the branch golden-paths/upgrade-<path> (conflicts marked, per-file report); planOnly or a dry run writes nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: () => upgradeInputSchema,
      output: () => upgradeOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(ACTION_ID, upgradeInputSchema, ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const entityRef = input.component;
      const planOnly = ctx.isDryRun || input.planOnly === true;
      if (!planOnly) {
        await requirePermission(permissions, {
          permission: goldenPathsUpgradeCreatePermission,
          credentials,
          action: 'run golden-path upgrades',
        });
      }
      const { plan, commit, url } = planOnly
        ? {
            plan: await upgrader.plan({ entityRef, credentials }),
            commit: undefined,
            url: undefined,
          }
        : await ctx.checkpoint({
            key: `golden-paths-upgrade-${entityRef}`,
            fn: async () => {
              const result = await upgrader.run({ entityRef, credentials });
              return {
                plan: JSON.parse(JSON.stringify(result.plan)),
                commit: result.delivery.commit,
                url: result.delivery.url,
              };
            },
          });
      report(ctx, plan);
      ctx.output('fromVersion', plan.fromVersion);
      ctx.output('toVersion', plan.toVersion);
      ctx.output('mode', plan.mode);
      ctx.output('branch', plan.delivery.branch);
      ctx.output('repository', plan.delivery.repository);
      if (commit) {
        ctx.output('commit', commit);
      }
      if (url) {
        ctx.output('pullRequestUrl', url);
      }
      ctx.output('conflicts', plan.summary.conflicts);
      ctx.output('files', plan.files);
    },
  });
}
