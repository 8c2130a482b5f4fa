import { z } from 'zod/v3';

/** What an input left out stands for. */
export const publishLocalDefaults = {
  defaultBranch: 'main',
  gitAuthorName: 'Golden Paths Scaffolder',
  gitAuthorEmail: 'scaffolder@golden-paths.local',
  catalogInfoPath: '/catalog-info.yaml',
} as const;

const REPO_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

function isRepoName(value: string): boolean {
  return REPO_NAME.test(value) && !value.includes('..');
}

function isBranchName(value: string): boolean {
  return (
    BRANCH_NAME.test(value) &&
    !/\.\.|\/\/|\/\.|@\{/.test(value) &&
    !/(\/|\.|\.lock)$/.test(value)
  );
}

/** A commit author's name or email: what git writes between `<` and `>`. */
function person(description: string) {
  return z
    .string()
    .refine(value => value.trim() !== '' && !/[<>\r\n\0]/.test(value), {
      message: 'must be non-empty and must not contain "<", ">" or line breaks',
    })
    .optional()
    .describe(description);
}

/** The input of `golden-paths:publish:local`. */
export const publishLocalInputSchema = z.object({
  repoName: z
    .string()
    .refine(isRepoName, value => ({
      message: `"${value}" is not a valid repository name: use 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit (no "/", "\\" or "..")`,
    }))
    .describe(
      'Name of the repository directory: letters, digits, ".", "_" and "-", starting with a letter or digit',
    ),
  description: z
    .string()
    .optional()
    .describe('Repository description (.git/description)'),
  defaultBranch: z
    .string()
    .refine(isBranchName, value => ({
      message: `"${value}" is not a valid branch name, such as main`,
    }))
    .optional()
    .describe(
      `Branch to commit to. Default: ${publishLocalDefaults.defaultBranch}`,
    ),
  sourcePath: z
    .string()
    .optional()
    .describe(
      'Subdirectory of the workspace to publish. Default: the whole workspace',
    ),
  gitAuthorName: person(
    `Commit author name. Default: ${publishLocalDefaults.gitAuthorName}`,
  ),
  gitAuthorEmail: person(
    `Commit author email. Default: ${publishLocalDefaults.gitAuthorEmail}`,
  ),
  gitCommitMessage: z
    .string()
    .optional()
    .describe('Commit message. Default: Initial commit from <template ref>'),
  catalogInfoPath: z
    .string()
    .optional()
    .describe(
      `Path of the catalog file inside the repository, for the catalogInfoUrl output. Default: ${publishLocalDefaults.catalogInfoPath}`,
    ),
});

/** The output of `golden-paths:publish:local`. */
export const publishLocalOutputSchema = z.object({
  remoteUrl: z.string().describe('file:// URL of the repository'),
  repoContentsUrl: z
    .string()
    .describe('file:// URL of the repository contents (ends in /)'),
  catalogInfoUrl: z
    .string()
    .describe('file:// URL of the catalog file, for catalog:register'),
  commitHash: z
    .string()
    .describe('The commit created, or "dry-run" in a dry run'),
  repositoryPath: z
    .string()
    .describe('Absolute path of the repository on the backend host'),
});
