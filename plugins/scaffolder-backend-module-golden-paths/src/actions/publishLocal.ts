import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assertNoEscapingLinks,
  resolveLocalRepositoriesDirectory,
  resolveWorkspacePath,
} from '@golden-paths/golden-paths-node';
import {
  assertRepositoryNameFree,
  createLocalRepository,
} from '../lib/localRepository';
import { parseActionInput } from '../lib/parseActionInput';
import { collectSourceTree } from '../lib/sourceTree';
import { examples } from './publishLocal.examples';
import {
  publishLocalDefaults as defaults,
  publishLocalInputSchema,
  publishLocalOutputSchema,
} from './publishLocalSchema';

const ACTION_ID = 'golden-paths:publish:local';

/**
 * Creates the `golden-paths:publish:local` action, which publishes the
 * workspace as a new git repository in a directory of the backend host. It
 * lets templates run end to end with no Git host; swap it for
 * `publish:github` (or another publisher) once an integration is configured.
 *
 * The repository is created in a checkpoint: a retried task finds the
 * repository its earlier attempt created instead of failing on it.
 *
 * @public
 */
export function createPublishLocalAction(options: { config: Config }) {
  const directory = resolveLocalRepositoriesDirectory(options.config);

  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Publishes the workspace (or a subdirectory) as a new git repository with one commit, in the directory set by goldenPaths.scaffolder.localPublish.directory on the backend host. The repository is built aside and moved into place at the end, so a failure leaves nothing behind. Outputs file:// URLs that catalog:register can read when the backend has the Golden Paths local URL reader.',
    examples,
    supportsDryRun: true,
    schema: {
      input: () => publishLocalInputSchema,
      output: () => publishLocalOutputSchema,
    },
    async handler(ctx) {
      const input = parseActionInput(
        ACTION_ID,
        publishLocalInputSchema,
        ctx.input,
      );
      const {
        repoName,
        defaultBranch = defaults.defaultBranch,
        gitAuthorName = defaults.gitAuthorName,
        gitAuthorEmail = defaults.gitAuthorEmail,
      } = input;
      const message =
        input.gitCommitMessage ??
        `Initial commit from ${
          ctx.templateInfo?.entityRef ?? 'a golden-path template'
        }`;

      const source = input.sourcePath
        ? resolveWorkspacePath(
            ctx.workspacePath,
            input.sourcePath,
            'sourcePath',
          )
        : ctx.workspacePath;
      await assertNoEscapingLinks(ctx.workspacePath, source, 'sourcePath');
      const sourceStat = await fs.stat(source).catch(() => undefined);
      if (!sourceStat?.isDirectory()) {
        throw new InputError(
          input.sourcePath
            ? `sourcePath "${input.sourcePath}" is not a directory of the workspace`
            : 'the workspace does not exist',
        );
      }

      // repoName is a single path segment that does not start with a dot.
      const target = join(directory, repoName);
      const catalogInfoPath = (
        input.catalogInfoPath ?? defaults.catalogInfoPath
      )
        .replace(/\\/g, '/')
        .replace(/^\/+/, '');
      let catalogInfoFile: string;
      try {
        if (catalogInfoPath === '') {
          throw new Error('empty');
        }
        catalogInfoFile = resolveSafeChildPath(target, catalogInfoPath);
      } catch {
        throw new InputError(
          `catalogInfoPath "${input.catalogInfoPath}" must be a file path inside the repository, such as /catalog-info.yaml`,
        );
      }

      const entries = await collectSourceTree(source);
      if (!entries.some(entry => entry.type !== 'directory')) {
        throw new InputError(
          'there is nothing to publish: the workspace (or sourcePath) has no files',
        );
      }

      const remoteUrl = pathToFileURL(target).href;
      const outputs = {
        remoteUrl,
        repoContentsUrl: `${remoteUrl}/`,
        catalogInfoUrl: pathToFileURL(catalogInfoFile).href,
        repositoryPath: target,
      };

      let commitHash = 'dry-run';
      if (ctx.isDryRun) {
        await assertRepositoryNameFree(directory, repoName);
        ctx.logger.info(
          'Dry run: checked the files to publish; no repository was created',
        );
      } else {
        ({ commitHash } = await ctx.checkpoint({
          key: `golden-paths-publish-local-${repoName}-${createHash('sha256')
            .update(JSON.stringify(input))
            .digest('hex')
            .slice(0, 16)}`,
          fn: async () => ({
            commitHash: await createLocalRepository({
              directory,
              repoName,
              target,
              source,
              entries,
              defaultBranch,
              message,
              author: { name: gitAuthorName, email: gitAuthorEmail },
              description: input.description,
            }),
          }),
        }));
        ctx.logger.info(
          `Created the local repository with commit ${commitHash}`,
        );
      }
      ctx.output('remoteUrl', outputs.remoteUrl);
      ctx.output('repoContentsUrl', outputs.repoContentsUrl);
      ctx.output('catalogInfoUrl', outputs.catalogInfoUrl);
      ctx.output('commitHash', commitHash);
      ctx.output('repositoryPath', outputs.repositoryPath);
    },
  });
}
