import type { PermissionsService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  goldenPathsUpgradeCreatePermission,
  type UpgradePlan,
} from '@golden-paths/golden-paths-common';
import type { ComponentUpgrader } from '@golden-paths/golden-paths-node';
import { requirePermission } from '../lib/requirePermission';
import { examples } from './upgrade.examples';

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
  upgrader: ComponentUpgrader;
  permissions: PermissionsService;
}) {
  const { upgrader, permissions } = options;
  return createTemplateAction({
    id: 'golden-paths:upgrade',
    description:
      "Upgrades a component made from a golden-path template to the path's current version by three-way merge, on the branch golden-paths/upgrade-<path> (conflicts marked, per-file report); planOnly or a dry run writes nothing.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        component: z =>
          z.string({
            description:
              'Entity reference of the component to upgrade, e.g. component:default/orders-api',
          }),
        planOnly: z =>
          z.boolean({ description: 'Only plan: write nothing' }).optional(),
      },
      output: {
        fromVersion: z => z.string(),
        toVersion: z => z.string(),
        mode: z => z.string({ description: 'merge, or recopy' }),
        branch: z => z.string(),
        repository: z => z.string(),
        commit: z =>
          z
            .string({ description: 'The commit on the branch, when run' })
            .optional(),
        pullRequestUrl: z =>
          z
            .string({
              description: 'The pull request, when the repository is on GitHub',
            })
            .optional(),
        conflicts: z => z.number(),
        files: z =>
          z.array(
            z.object({
              path: z.string(),
              previousPath: z.string().optional(),
              outcome: z.string(),
              flagged: z.boolean(),
              detail: z.string(),
            }),
          ),
      },
    },
    async handler(ctx) {
      const credentials = await ctx.getInitiatorCredentials();
      const entityRef = ctx.input.component;
      const planOnly = ctx.isDryRun || ctx.input.planOnly === true;
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
