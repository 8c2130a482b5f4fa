import { z } from 'zod/v3';

/** The id of the action, also written at the top of every pipeline. */
export const SUPPLY_CHAIN_CI_ACTION_ID = 'golden-paths:supply-chain:ci';

/**
 * registry host (with optional port) followed by one or more lowercase path
 * components, as the OCI distribution spec names repositories. No tag and no
 * digest: the pipeline tags with the commit SHA and signs by digest.
 */
const IMAGE_REPOSITORY_PATTERN =
  /^(?:localhost|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*:[0-9]+)(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/;

/** Characters that are safe in a shell word and a YAML plain scalar. */
const SAFE_PATH_PATTERN = /^[A-Za-z0-9._@+/-]+$/;
const BRANCH_PATTERN = /^[A-Za-z0-9._/-]+$/;

const scanner = z.enum(['trivy', 'grype']);
const severity = z.enum(['critical', 'high', 'medium', 'low']);
const sbomFormat = z.enum(['spdx-json', 'cyclonedx-json']);

/** A path in the repository, written into the pipeline as a shell word. */
function repositoryPath(defaultValue: string, description: string) {
  return z
    .string()
    .regex(SAFE_PATH_PATTERN, 'must be a plain repository-relative path')
    .default(defaultValue)
    .describe(description);
}

/** The input of `golden-paths:supply-chain:ci`. */
export const supplyChainCiInputSchema = z
  .object({
    format: z
      .enum(['github-actions', 'gitlab-ci'])
      .default('github-actions')
      .describe('CI system to write the pipeline for'),
    image: z
      .string()
      .max(255)
      .regex(
        IMAGE_REPOSITORY_PATTERN,
        'must be registry/repository without tag or digest, e.g. ghcr.io/example-org/payments-api',
      )
      .describe(
        'Image repository to push to, without tag or digest (e.g. ghcr.io/example-org/payments-api)',
      ),
    language: z
      .enum(['node', 'python', 'go', 'java', 'none'])
      .default('node')
      .describe(
        "Toolchain for the test job; 'none' writes no test job unless testCommand is given",
      ),
    testCommand: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Overrides the test command (defaults: node `npm ci && npm test`, python `pip install -r requirements.txt && pytest`, go `go test ./...`, java `./mvnw -B verify`)',
      ),
    lint: z
      .boolean()
      .default(false)
      .describe(
        'Add a lint job that must pass before the image is built: node `npm ci && npm run lint` (the lint script in package.json, such as a type check), python `ruff check .`, go `go vet ./...`; not available for java and none',
      ),
    dockerfile: repositoryPath(
      'Dockerfile',
      'Dockerfile path, relative to the repository root',
    ),
    context: repositoryPath(
      '.',
      'Docker build context, relative to the repository root',
    ),
    scanner: scanner
      .default('trivy')
      .describe('Vulnerability scanner that gates the image'),
    severityThreshold: severity
      .default('high')
      .describe(
        'The gate: the pipeline fails on a vulnerability of this severity or above',
      ),
    sbomFormat: sbomFormat
      .default('spdx-json')
      .describe('SBOM format produced by syft and attested with cosign'),
    sign: z
      .boolean()
      .default(true)
      .describe(
        'Sign the image by digest with cosign keyless and attest the SBOM',
      ),
    defaultBranch: z
      .string()
      .regex(BRANCH_PATTERN, 'must be a plain branch name')
      .default('main')
      .describe(
        'Branch whose pushes build, scan, sign and push the image; other pipelines only test',
      ),
    targetPath: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Workspace-relative file to write (default .github/workflows/ci.yaml or .gitlab-ci.yml)',
      ),
    overwrite: z
      .boolean()
      .default(false)
      .describe('Replace the file if it already exists in the workspace'),
  })
  .strict();

const gatesSchema = z
  .object({
    scanner,
    severityThreshold: severity,
    failOnSeverities: z.array(z.string()),
    sbomFormat,
    imageSigning: z.boolean(),
  })
  .describe('The supply-chain gates the pipeline enforces');

/** The output of `golden-paths:supply-chain:ci`. */
export const supplyChainCiOutputSchema = z.object({
  filePath: z
    .string()
    .describe('Workspace-relative path of the written pipeline file'),
  gates: gatesSchema,
  requiredSecrets: z
    .array(z.string())
    .describe(
      'Repository secrets (GitHub) or CI/CD variables (GitLab) the pipeline expects to exist',
    ),
});

/** The input with its defaults applied. */
export type SupplyChainCiInput = z.output<typeof supplyChainCiInputSchema>;

/** The supply-chain gates the pipeline enforces, as the action outputs them. */
export type Gates = z.output<typeof gatesSchema>;

export type Language = SupplyChainCiInput['language'];
export type Severity = SupplyChainCiInput['severityThreshold'];
export type SbomFormat = SupplyChainCiInput['sbomFormat'];
