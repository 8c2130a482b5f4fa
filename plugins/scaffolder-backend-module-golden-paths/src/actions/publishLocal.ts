import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import git from 'isomorphic-git';
import {
  assertNoEscapingLinks,
  errorCode,
  resolveLocalRepositoriesDirectory,
  resolveWorkspacePath,
} from '@golden-paths/golden-paths-node';
import { collectSourceTree, copySourceTree } from '../lib/sourceTree';
import { examples } from './publishLocal.examples';

const fs = nodeFs.promises;

const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

function validateRepoName(repoName: string): string {
  if (
    typeof repoName !== 'string' ||
    !REPO_NAME.test(repoName) ||
    repoName.includes('..')
  ) {
    throw new InputError(
      `repoName "${repoName}" is not a valid repository name: use 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit (no "/", "\\" or "..")`,
    );
  }
  return repoName;
}

function validateBranch(branch: string): string {
  if (
    !BRANCH_NAME.test(branch) ||
    /\.\.|\/\/|\/\.|@\{/.test(branch) ||
    /(\/|\.|\.lock)$/.test(branch)
  ) {
    throw new InputError(
      `defaultBranch "${branch}" is not a valid branch name, such as main`,
    );
  }
  return branch;
}

function validatePerson(value: string, inputName: string): string {
  if (value.trim() === '' || /[<>\r\n\0]/.test(value)) {
    throw new InputError(
      `${inputName} must be non-empty and must not contain "<", ">" or line breaks`,
    );
  }
  return value;
}

/**
 * Creates the `golden-paths:publish:local` action, which publishes the
 * workspace as a new git repository in a directory of the backend host. It
 * lets templates run end to end with no Git host; swap it for
 * `publish:github` (or another publisher) once an integration is configured.
 *
 * @public
 */
export function createPublishLocalAction(options: { config: Config }) {
  const directory = resolveLocalRepositoriesDirectory(options.config);

  return createTemplateAction({
    id: 'golden-paths:publish:local',
    description:
      'Publishes the workspace (or a subdirectory) as a new git repository with one commit, in the directory set by goldenPaths.scaffolder.localPublish.directory on the backend host. The repository is built aside and moved into place at the end, so a failure leaves nothing behind. Outputs file:// URLs that catalog:register can read when the backend has the Golden Paths local URL reader.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description:
              'Name of the repository directory: letters, digits, ".", "_" and "-", starting with a letter or digit',
          }),
        description: z =>
          z
            .string({
              description: 'Repository description (.git/description)',
            })
            .optional(),
        defaultBranch: z =>
          z
            .string({ description: 'Branch to commit to. Default: main' })
            .optional(),
        sourcePath: z =>
          z
            .string({
              description:
                'Subdirectory of the workspace to publish. Default: the whole workspace',
            })
            .optional(),
        gitAuthorName: z =>
          z
            .string({
              description:
                'Commit author name. Default: Golden Paths Scaffolder',
            })
            .optional(),
        gitAuthorEmail: z =>
          z
            .string({
              description:
                'Commit author email. Default: scaffolder@golden-paths.local',
            })
            .optional(),
        gitCommitMessage: z =>
          z
            .string({
              description:
                'Commit message. Default: Initial commit from <template ref>',
            })
            .optional(),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'Path of the catalog file inside the repository, for the catalogInfoUrl output. Default: /catalog-info.yaml',
            })
            .optional(),
      },
      output: {
        remoteUrl: z =>
          z.string({ description: 'file:// URL of the repository' }),
        repoContentsUrl: z =>
          z.string({
            description: 'file:// URL of the repository contents (ends in /)',
          }),
        catalogInfoUrl: z =>
          z.string({
            description:
              'file:// URL of the catalog file, for catalog:register',
          }),
        commitHash: z =>
          z.string({
            description: 'The commit created, or "dry-run" in a dry run',
          }),
        repositoryPath: z =>
          z.string({
            description: 'Absolute path of the repository on the backend host',
          }),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const repoName = validateRepoName(input.repoName);
      const defaultBranch = validateBranch(input.defaultBranch ?? 'main');
      const authorName = validatePerson(
        input.gitAuthorName ?? 'Golden Paths Scaffolder',
        'gitAuthorName',
      );
      const authorEmail = validatePerson(
        input.gitAuthorEmail ?? 'scaffolder@golden-paths.local',
        'gitAuthorEmail',
      );
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

      // repoName is a single path segment by now, so this is its own entry
      // of the directory, whatever it is.
      const existing = await fs
        .lstat(join(directory, repoName))
        .catch(error => {
          if (errorCode(error) === 'ENOENT') {
            return undefined;
          }
          throw error;
        });
      if (existing) {
        throw new ConflictError(
          existing.isSymbolicLink()
            ? `a symbolic link named ${repoName} is in the way in the local repositories directory; refusing to publish through it`
            : `a repository named ${repoName} already exists in the local repositories directory; choose another name`,
        );
      }

      let target: string;
      try {
        target = resolveSafeChildPath(directory, repoName);
      } catch {
        throw new InputError(
          `repoName "${repoName}" points outside the local repositories directory`,
        );
      }

      const catalogInfoPath = (input.catalogInfoPath ?? '/catalog-info.yaml')
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

      if (ctx.isDryRun) {
        ctx.logger.info(
          'Dry run: checked the files to publish; no repository was created',
        );
        ctx.output('remoteUrl', outputs.remoteUrl);
        ctx.output('repoContentsUrl', outputs.repoContentsUrl);
        ctx.output('catalogInfoUrl', outputs.catalogInfoUrl);
        ctx.output('commitHash', 'dry-run');
        ctx.output('repositoryPath', outputs.repositoryPath);
        return;
      }

      await fs.mkdir(directory, { recursive: true });
      // Built aside under a name no repoName can take (it starts with a dot),
      // then moved into place in one rename.
      const temporary = join(
        directory,
        `.${repoName}.tmp-${randomBytes(6).toString('hex')}`,
      );
      let commitHash: string;
      try {
        await fs.mkdir(temporary);
        await copySourceTree(source, entries, temporary);
        await git.init({ fs: nodeFs, dir: temporary, defaultBranch });
        await git.add({ fs: nodeFs, dir: temporary, filepath: '.' });
        commitHash = await git.commit({
          fs: nodeFs,
          dir: temporary,
          message,
          author: { name: authorName, email: authorEmail },
        });
        if (input.description) {
          await fs.writeFile(
            join(temporary, '.git', 'description'),
            `${input.description.replace(/[\r\n]+/g, ' ')}\n`,
            'utf8',
          );
        }

        // Read the repository back before handing it over.
        const head = await git.resolveRef({
          fs: nodeFs,
          dir: temporary,
          ref: 'HEAD',
        });
        const committed = await git.listFiles({
          fs: nodeFs,
          dir: temporary,
          ref: 'HEAD',
        });
        if (head !== commitHash) {
          throw new Error(
            'the new repository could not be read back after the commit',
          );
        }
        if (committed.length === 0) {
          throw new InputError(
            'there is nothing to publish: .gitignore leaves out every file',
          );
        }

        if (await fs.lstat(target).catch(() => undefined)) {
          throw new ConflictError(
            `a repository named ${repoName} was created in the local repositories directory while this one was being built; choose another name`,
          );
        }
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { recursive: true, force: true });
        throw error;
      }

      ctx.logger.info(`Created the local repository with commit ${commitHash}`);
      ctx.output('remoteUrl', outputs.remoteUrl);
      ctx.output('repoContentsUrl', outputs.repoContentsUrl);
      ctx.output('catalogInfoUrl', outputs.catalogInfoUrl);
      ctx.output('commitHash', commitHash);
      ctx.output('repositoryPath', outputs.repositoryPath);
    },
  });
}
