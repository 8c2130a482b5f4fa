import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assertRepositoryRelativePath,
  resolveWorkspaceFile,
  toPosixRelative,
  writeWorkspaceFile,
} from '@golden-paths/golden-paths-node';
import { parseActionInput } from '../lib/parseActionInput';
import {
  CI_SYSTEMS,
  SUPPLY_CHAIN_CI_ACTION_ID as ACTION_ID,
  generatePipeline,
  supplyChainCiInputSchema,
  supplyChainCiOutputSchema,
} from '../supplyChainCi';
import { examples } from './supplyChainCi.examples';

/**
 * Writes a CI pipeline that tests, builds and pushes the image tagged with the
 * commit SHA, gates it on a vulnerability scan, produces an SBOM with syft and
 * signs the image and attests the SBOM with cosign keyless, by digest.
 *
 * @public
 */
export function createSupplyChainCiAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes a GitHub Actions workflow or GitLab CI pipeline with tests, image build and push, vulnerability gate, SBOM, and cosign keyless signing and SBOM attestation.',
    examples,
    // It writes only into the workspace, which in a dry run is the dry run's
    // own: the same file is written, nothing outside is touched.
    supportsDryRun: true,
    schema: {
      input: () => supplyChainCiInputSchema,
      output: () => supplyChainCiOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(
        ACTION_ID,
        supplyChainCiInputSchema,
        ctx.input,
      );
      assertRepositoryRelativePath(input.dockerfile, 'dockerfile');
      assertRepositoryRelativePath(input.context, 'context');
      const system = CI_SYSTEMS[input.format];
      const target = resolveWorkspaceFile(
        ctx.workspacePath,
        input.targetPath ?? system.defaultTargetPath,
        'targetPath',
      );

      const { content, gates, requiredSecrets } = generatePipeline(input);
      await writeWorkspaceFile(target, content, {
        overwrite: input.overwrite,
        what: 'targetPath',
      });

      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} the ${
          system.title
        } pipeline with a ${gates.scanner} gate`,
      );
      ctx.output('filePath', toPosixRelative(ctx.workspacePath, target));
      ctx.output('gates', gates);
      ctx.output('requiredSecrets', requiredSecrets);
    },
  });
}
