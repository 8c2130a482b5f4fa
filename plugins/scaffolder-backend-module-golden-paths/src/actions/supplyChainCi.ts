import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, posix, relative, win32 } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, isError } from '@backstage/errors';
import {
  createTemplateAction,
  TemplateActionOptions,
} from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';
import { examples } from './supplyChainCi.examples';

const ACTION_ID = 'golden-paths:supply-chain:ci';

/**
 * The zod instance the scaffolder hands to schema factories. Taken from the
 * scaffolder's own types so that this package does not depend on zod itself.
 */
type Zod = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/**
 * Third-party actions and tool images in one place, so that a platform team
 * can move them to newer versions (or to commit SHAs) in a single edit.
 * trivy-action has no major tag; its tags were force-pushed in a 2026
 * supply-chain incident and v0.36.0 is the first clean release after it.
 */
const GITHUB_ACTIONS = {
  checkout: 'actions/checkout@v4',
  setupNode: 'actions/setup-node@v4',
  setupPython: 'actions/setup-python@v5',
  setupGo: 'actions/setup-go@v5',
  setupJava: 'actions/setup-java@v4',
  setupBuildx: 'docker/setup-buildx-action@v3',
  login: 'docker/login-action@v3',
  buildPush: 'docker/build-push-action@v6',
  trivy: 'aquasecurity/trivy-action@v0.36.0',
  grype: 'anchore/scan-action@v6',
  sbom: 'anchore/sbom-action@v0',
  cosignInstaller: 'sigstore/cosign-installer@v3',
} as const;

const GITLAB_IMAGES = {
  docker: 'docker:27',
  dockerDind: 'docker:27-dind',
  trivy: 'aquasec/trivy:0.58.2',
  // The :debug variants are the only Anchore images with a shell, which a
  // GitLab job needs; their binaries live at /grype and /syft.
  grype: 'anchore/grype:debug',
  syft: 'anchore/syft:debug',
  // cosign from Alpine's community repository, as GitLab's keyless signing
  // guide does.
  cosign: 'alpine:3.21',
} as const;

type Language = 'node' | 'python' | 'go' | 'java' | 'none';
type Severity = 'critical' | 'high' | 'medium' | 'low';
type SbomFormat = 'spdx-json' | 'cyclonedx-json';

const LANGUAGE_TOOLCHAINS: Record<
  Language,
  {
    testCommand?: string;
    /** What `lint: true` runs; installs what it needs, as its job is separate. */
    lintCommand?: string;
    githubSetup?: { name: string; uses: string; with: Record<string, string> };
    gitlabImage?: string;
  }
> = {
  node: {
    testCommand: 'npm ci && npm test',
    lintCommand: 'npm ci && npm run lint',
    githubSetup: {
      name: 'Set up Node.js',
      uses: GITHUB_ACTIONS.setupNode,
      with: { 'node-version': '22', cache: 'npm' },
    },
    gitlabImage: 'node:22',
  },
  python: {
    testCommand: 'pip install -r requirements.txt && pytest',
    lintCommand: 'pip install ruff && ruff check .',
    githubSetup: {
      name: 'Set up Python',
      uses: GITHUB_ACTIONS.setupPython,
      with: { 'python-version': '3.12', cache: 'pip' },
    },
    gitlabImage: 'python:3.12',
  },
  go: {
    testCommand: 'go test ./...',
    lintCommand: 'go vet ./...',
    githubSetup: {
      name: 'Set up Go',
      uses: GITHUB_ACTIONS.setupGo,
      with: { 'go-version-file': 'go.mod' },
    },
    gitlabImage: 'golang:1.23',
  },
  java: {
    testCommand: './mvnw -B verify',
    githubSetup: {
      name: 'Set up Java',
      uses: GITHUB_ACTIONS.setupJava,
      with: { distribution: 'temurin', 'java-version': '21', cache: 'maven' },
    },
    gitlabImage: 'eclipse-temurin:21',
  },
  none: {},
};

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

const SBOM: Record<
  SbomFormat,
  { file: string; cosignType: 'spdxjson' | 'cyclonedx' }
> = {
  'spdx-json': { file: 'sbom.spdx.json', cosignType: 'spdxjson' },
  'cyclonedx-json': { file: 'sbom.cdx.json', cosignType: 'cyclonedx' },
};

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

function supplyChainCiInputSchema(z: Zod) {
  return z
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
      dockerfile: z
        .string()
        .regex(SAFE_PATH_PATTERN, 'must be a plain repository-relative path')
        .default('Dockerfile')
        .describe('Dockerfile path, relative to the repository root'),
      context: z
        .string()
        .regex(SAFE_PATH_PATTERN, 'must be a plain repository-relative path')
        .default('.')
        .describe('Docker build context, relative to the repository root'),
      scanner: z
        .enum(['trivy', 'grype'])
        .default('trivy')
        .describe('Vulnerability scanner that gates the image'),
      severityThreshold: z
        .enum(['critical', 'high', 'medium', 'low'])
        .default('high')
        .describe(
          'The gate: the pipeline fails on a vulnerability of this severity or above',
        ),
      sbomFormat: z
        .enum(['spdx-json', 'cyclonedx-json'])
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
}

type SupplyChainCiInputSchema = ReturnType<typeof supplyChainCiInputSchema>;
type SupplyChainCiInput = ReturnType<SupplyChainCiInputSchema['parse']>;

type Gates = {
  scanner: 'trivy' | 'grype';
  severityThreshold: Severity;
  failOnSeverities: string[];
  sbomFormat: SbomFormat;
  imageSigning: boolean;
};

/**
 * Writes a CI pipeline that tests, builds and pushes the image tagged with the
 * commit SHA, gates it on a vulnerability scan, produces an SBOM with syft and
 * signs the image and attests the SBOM with cosign keyless, by digest.
 *
 * @public
 */
export function createSupplyChainCiAction() {
  // The scaffolder validates action input against the JSON Schema generated
  // from this zod schema, which neither applies defaults nor runs refinements.
  // createTemplateAction builds the schema with its own zod instance; we keep
  // it to parse the input again in the handler, so there is a single source
  // for defaults and rules.
  let inputSchema: SupplyChainCiInputSchema | undefined;

  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Writes a GitHub Actions workflow or GitLab CI pipeline with tests, image build and push, vulnerability gate, SBOM, and cosign keyless signing and SBOM attestation.',
    examples,
    supportsDryRun: true,
    schema: {
      input: z => (inputSchema = supplyChainCiInputSchema(z)),
      output: z =>
        z.object({
          filePath: z
            .string()
            .describe('Workspace-relative path of the written pipeline file'),
          gates: z
            .object({
              scanner: z.enum(['trivy', 'grype']),
              severityThreshold: z.enum(['critical', 'high', 'medium', 'low']),
              failOnSeverities: z.array(z.string()),
              sbomFormat: z.enum(['spdx-json', 'cyclonedx-json']),
              imageSigning: z.boolean(),
            })
            .describe('The supply-chain gates the pipeline enforces'),
          requiredSecrets: z
            .array(z.string())
            .describe(
              'Repository secrets (GitHub) or CI/CD variables (GitLab) the pipeline expects to exist',
            ),
        }),
    },
    async handler(ctx) {
      if (!inputSchema) {
        throw new Error(`${ACTION_ID}: input schema was not initialised`);
      }
      const parsed = inputSchema.safeParse(ctx.input);
      if (!parsed.success) {
        throw new InputError(
          `Invalid input to ${ACTION_ID}: ${parsed.error.issues
            .map(i => `${i.path.join('.') || 'input'}: ${i.message}`)
            .join('; ')}`,
        );
      }
      const input = parsed.data;

      assertRepositoryRelative(input.dockerfile, 'dockerfile');
      assertRepositoryRelative(input.context, 'context');
      const targetPath =
        input.targetPath ??
        (input.format === 'github-actions'
          ? '.github/workflows/ci.yaml'
          : '.gitlab-ci.yml');
      const absoluteTarget = resolveWorkspaceFile(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );

      const testCommand =
        input.testCommand ?? LANGUAGE_TOOLCHAINS[input.language].testCommand;
      const lintCommand = input.lint
        ? LANGUAGE_TOOLCHAINS[input.language].lintCommand
        : undefined;
      if (input.lint && lintCommand === undefined) {
        throw new InputError(
          `lint has no command for language ${input.language}; run your linter in testCommand instead`,
        );
      }
      const gates: Gates = {
        scanner: input.scanner,
        severityThreshold: input.severityThreshold,
        failOnSeverities: severitiesFrom(input.severityThreshold).map(s =>
          s.toUpperCase(),
        ),
        sbomFormat: input.sbomFormat,
        imageSigning: input.sign,
      };

      const pipeline =
        input.format === 'github-actions'
          ? githubActionsWorkflow(input, testCommand, lintCommand)
          : gitlabCiPipeline(input, testCommand, lintCommand);
      const content = renderPipeline(pipeline.document, input, gates);
      validatePipeline(content, input.format, {
        hasTest: testCommand !== undefined,
        hasLint: lintCommand !== undefined,
        sign: input.sign,
      });

      await writeWorkspaceFile(absoluteTarget, content, input.overwrite);

      ctx.logger.info(
        `${ctx.isDryRun ? 'Dry run: wrote' : 'Wrote'} the ${
          input.format === 'github-actions' ? 'GitHub Actions' : 'GitLab CI'
        } pipeline with a ${gates.scanner} gate`,
      );

      ctx.output(
        'filePath',
        relative(ctx.workspacePath, absoluteTarget).split(win32.sep).join('/'),
      );
      ctx.output('gates', gates);
      ctx.output('requiredSecrets', pipeline.requiredSecrets);
    },
  });
}

function severitiesFrom(threshold: Severity): Severity[] {
  return SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(threshold) + 1);
}

function registryOf(image: string): string {
  return image.split('/')[0];
}

type Pipeline = {
  document: Record<string, unknown>;
  requiredSecrets: string[];
};

/** The jobs the image build waits for. */
function checkJobs(
  testCommand: string | undefined,
  lintCommand: string | undefined,
): string[] {
  return [
    ...(testCommand !== undefined ? ['test'] : []),
    ...(lintCommand !== undefined ? ['lint'] : []),
  ];
}

function githubActionsWorkflow(
  input: SupplyChainCiInput,
  testCommand: string | undefined,
  lintCommand: string | undefined,
): Pipeline {
  const registry = registryOf(input.image);
  const onGhcr = registry === 'ghcr.io';
  const sbom = SBOM[input.sbomFormat];
  const imageByDigest = '${{ env.IMAGE }}@${{ steps.build.outputs.digest }}';

  const jobs: Record<string, unknown> = {};
  const toolchain = LANGUAGE_TOOLCHAINS[input.language];
  if (testCommand !== undefined) {
    jobs.test = {
      name: 'Test',
      'runs-on': 'ubuntu-latest',
      steps: [
        { name: 'Check out', uses: GITHUB_ACTIONS.checkout },
        ...(toolchain.githubSetup ? [toolchain.githubSetup] : []),
        { name: 'Test', id: 'test', run: testCommand },
      ],
    };
  }
  // Its own job, in parallel with the tests, so it adds no time to a run.
  if (lintCommand !== undefined) {
    jobs.lint = {
      name: 'Lint',
      'runs-on': 'ubuntu-latest',
      steps: [
        { name: 'Check out', uses: GITHUB_ACTIONS.checkout },
        ...(toolchain.githubSetup ? [toolchain.githubSetup] : []),
        { name: 'Lint', id: 'lint', run: lintCommand },
      ],
    };
  }
  const needs = checkJobs(testCommand, lintCommand);

  const scanStep =
    input.scanner === 'trivy'
      ? {
          name: `Vulnerability gate (trivy, fail on ${input.severityThreshold} and above)`,
          id: 'scan',
          uses: GITHUB_ACTIONS.trivy,
          with: {
            'image-ref': imageByDigest,
            severity: severitiesFrom(input.severityThreshold)
              .map(s => s.toUpperCase())
              .join(','),
            'exit-code': '1',
          },
        }
      : {
          name: `Vulnerability gate (grype, fail on ${input.severityThreshold} and above)`,
          id: 'scan',
          uses: GITHUB_ACTIONS.grype,
          with: {
            image: imageByDigest,
            'severity-cutoff': input.severityThreshold,
            'fail-build': true,
            'output-format': 'table',
          },
        };

  const digestEnv = {
    IMAGE_DIGEST: '${{ steps.build.outputs.digest }}',
  };

  jobs['build-and-push'] = {
    name: 'Build, scan, SBOM and sign',
    ...(needs.length > 0 ? { needs } : {}),
    if: "github.event_name == 'push'",
    'runs-on': 'ubuntu-latest',
    permissions: {
      contents: 'read',
      packages: 'write',
      // Keyless signing exchanges the job's OIDC token for a Fulcio
      // certificate; without signing the job needs no token.
      ...(input.sign ? { 'id-token': 'write' } : {}),
    },
    outputs: { digest: '${{ steps.build.outputs.digest }}' },
    steps: [
      { name: 'Check out', uses: GITHUB_ACTIONS.checkout },
      { name: 'Set up Docker Buildx', uses: GITHUB_ACTIONS.setupBuildx },
      {
        name: `Log in to ${registry}`,
        uses: GITHUB_ACTIONS.login,
        with: {
          registry,
          username: onGhcr
            ? '${{ github.actor }}'
            : '${{ secrets.REGISTRY_USERNAME }}',
          password: onGhcr
            ? '${{ secrets.GITHUB_TOKEN }}'
            : '${{ secrets.REGISTRY_PASSWORD }}',
        },
      },
      {
        name: 'Build and push (tagged with the commit SHA)',
        id: 'build',
        uses: GITHUB_ACTIONS.buildPush,
        with: {
          context: input.context,
          file: input.dockerfile,
          push: true,
          tags: '${{ env.IMAGE }}:${{ github.sha }}',
        },
      },
      // The gate runs before signing: an image that fails it is pushed but
      // never signed, so signature-verifying admission refuses to run it.
      scanStep,
      {
        name: `Generate SBOM (${input.sbomFormat})`,
        id: 'sbom',
        uses: GITHUB_ACTIONS.sbom,
        with: {
          image: imageByDigest,
          format: input.sbomFormat,
          'output-file': sbom.file,
        },
      },
      ...(input.sign
        ? [
            { name: 'Install cosign', uses: GITHUB_ACTIONS.cosignInstaller },
            {
              name: 'Sign the image by digest (keyless)',
              id: 'sign',
              env: digestEnv,
              run: 'cosign sign --yes "${IMAGE}@${IMAGE_DIGEST}"',
            },
            {
              name: 'Attest the SBOM',
              id: 'attest',
              env: digestEnv,
              run: `cosign attest --yes --type ${sbom.cosignType} --predicate ${sbom.file} "\${IMAGE}@\${IMAGE_DIGEST}"`,
            },
          ]
        : []),
    ],
  };

  return {
    document: {
      name: 'CI',
      on: {
        push: { branches: [input.defaultBranch] },
        pull_request: {},
      },
      permissions: { contents: 'read' },
      env: { IMAGE: input.image },
      jobs,
    },
    requiredSecrets: onGhcr ? [] : ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'],
  };
}

function gitlabCiPipeline(
  input: SupplyChainCiInput,
  testCommand: string | undefined,
  lintCommand: string | undefined,
): Pipeline {
  const registry = registryOf(input.image);
  const onGitlabRegistry = registry === 'registry.gitlab.com';
  const user = onGitlabRegistry ? '$CI_REGISTRY_USER' : '$REGISTRY_USER';
  const password = onGitlabRegistry
    ? '$CI_REGISTRY_PASSWORD'
    : '$REGISTRY_PASSWORD';
  const sbom = SBOM[input.sbomFormat];
  const onDefaultBranch = [
    { if: `$CI_COMMIT_BRANCH == "${input.defaultBranch}"` },
  ];
  const imageByDigest = '$IMAGE@$IMAGE_DIGEST';
  const needs = checkJobs(testCommand, lintCommand);
  const toolchainImage = LANGUAGE_TOOLCHAINS[input.language].gitlabImage;

  const document: Record<string, unknown> = {
    stages: [
      ...(needs.length > 0 ? ['test'] : []),
      'build',
      'scan',
      ...(input.sign ? ['sign'] : []),
    ],
    variables: { IMAGE: input.image, REGISTRY: registry },
  };

  if (testCommand !== undefined) {
    document.test = {
      stage: 'test',
      ...(toolchainImage ? { image: toolchainImage } : {}),
      script: [testCommand],
    };
  }
  if (lintCommand !== undefined) {
    document.lint = {
      stage: 'test',
      ...(toolchainImage ? { image: toolchainImage } : {}),
      script: [lintCommand],
    };
  }

  document['build-and-push'] = {
    stage: 'build',
    image: GITLAB_IMAGES.docker,
    services: [GITLAB_IMAGES.dockerDind],
    ...(needs.length > 0 ? { needs } : {}),
    rules: onDefaultBranch,
    variables: {
      DOCKER_TLS_CERTDIR: '/certs',
      DOCKERFILE: input.dockerfile,
      BUILD_CONTEXT: input.context,
    },
    script: [
      `echo "${password}" | docker login "$REGISTRY" --username "${user}" --password-stdin`,
      // The docker-container driver, as on GitHub: with the default docker
      // driver the metadata file may carry the image ID, not the digest of
      // the manifest pushed to the registry.
      'docker buildx create --use --driver docker-container',
      'docker buildx build --file "$DOCKERFILE" --tag "$IMAGE:$CI_COMMIT_SHA" --metadata-file metadata.json --push "$BUILD_CONTEXT"',
      `IMAGE_DIGEST="$(sed -n 's/.*"containerimage.digest":[ ]*"\\(sha256:[a-f0-9]*\\)".*/\\1/p' metadata.json)"`,
      'test -n "$IMAGE_DIGEST"',
      'echo "IMAGE_DIGEST=$IMAGE_DIGEST" >> build.env',
    ],
    artifacts: { reports: { dotenv: 'build.env' } },
  };

  // Later jobs read IMAGE_DIGEST from the build job's dotenv report, so every
  // step works on the exact pushed digest, never on a movable tag.
  document.scan =
    input.scanner === 'trivy'
      ? {
          stage: 'scan',
          needs: ['build-and-push'],
          rules: onDefaultBranch,
          image: { name: GITLAB_IMAGES.trivy, entrypoint: [''] },
          variables: { TRIVY_USERNAME: user, TRIVY_PASSWORD: password },
          script: [
            `trivy image --exit-code 1 --severity ${severitiesFrom(
              input.severityThreshold,
            )
              .map(s => s.toUpperCase())
              .join(',')} --no-progress "${imageByDigest}"`,
          ],
        }
      : {
          stage: 'scan',
          needs: ['build-and-push'],
          rules: onDefaultBranch,
          image: { name: GITLAB_IMAGES.grype, entrypoint: [''] },
          variables: {
            GRYPE_REGISTRY_AUTH_AUTHORITY: registry,
            GRYPE_REGISTRY_AUTH_USERNAME: user,
            GRYPE_REGISTRY_AUTH_PASSWORD: password,
          },
          script: [
            `/grype "registry:${imageByDigest}" --fail-on ${input.severityThreshold}`,
          ],
        };

  document.sbom = {
    stage: 'scan',
    needs: ['build-and-push'],
    rules: onDefaultBranch,
    image: { name: GITLAB_IMAGES.syft, entrypoint: [''] },
    variables: {
      SYFT_REGISTRY_AUTH_AUTHORITY: registry,
      SYFT_REGISTRY_AUTH_USERNAME: user,
      SYFT_REGISTRY_AUTH_PASSWORD: password,
    },
    script: [
      `/syft "registry:${imageByDigest}" --output ${input.sbomFormat}=${sbom.file}`,
    ],
    artifacts: { paths: [sbom.file] },
  };

  if (input.sign) {
    document.sign = {
      stage: 'sign',
      // Needs the scan job: an image that fails the gate is never signed.
      needs: ['build-and-push', 'scan', 'sbom'],
      rules: onDefaultBranch,
      image: GITLAB_IMAGES.cosign,
      // cosign picks the token up from SIGSTORE_ID_TOKEN for keyless signing.
      id_tokens: { SIGSTORE_ID_TOKEN: { aud: 'sigstore' } },
      script: [
        'apk add --no-cache cosign',
        `echo "${password}" | cosign login "$REGISTRY" --username "${user}" --password-stdin`,
        `cosign sign --yes "${imageByDigest}"`,
        `cosign attest --yes --type ${sbom.cosignType} --predicate ${sbom.file} "${imageByDigest}"`,
      ],
    };
  }

  return {
    document,
    requiredSecrets: onGitlabRegistry
      ? []
      : ['REGISTRY_USER', 'REGISTRY_PASSWORD'],
  };
}

function renderPipeline(
  document: Record<string, unknown>,
  input: SupplyChainCiInput,
  gates: Gates,
): string {
  // Jobs share parts (rules, env); written out in full, not as YAML aliases.
  const doc = new YAML.Document(document, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` Generated by ${ACTION_ID}.`,
    ` Gate: ${
      gates.scanner
    } fails the pipeline on ${gates.failOnSeverities.join(
      ', ',
    )} vulnerabilities.`,
    ` Supply chain: image pushed as ${input.image}:<commit sha>, SBOM (${
      gates.sbomFormat
    }) by syft${
      gates.imageSigning
        ? ', signed and SBOM-attested by digest with cosign keyless'
        : ', not signed'
    }.`,
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/**
 * Parses the pipeline back and checks that what the golden path promises is
 * in it, so a mistake here fails the task instead of shipping a broken file.
 */
function validatePipeline(
  content: string,
  format: SupplyChainCiInput['format'],
  expect: { hasTest: boolean; hasLint: boolean; sign: boolean },
): void {
  const documents = YAML.parseAllDocuments(content);
  if (
    !Array.isArray(documents) ||
    documents.length !== 1 ||
    documents[0].errors.length > 0
  ) {
    throw new Error(`${ACTION_ID} produced YAML that does not parse`);
  }
  const pipeline = documents[0].toJS() as Record<string, any>;
  const fail = (message: string): never => {
    throw new Error(`${ACTION_ID} produced an invalid pipeline: ${message}`);
  };

  if (format === 'github-actions') {
    const jobs = pipeline.jobs ?? fail('no jobs');
    if (expect.hasTest && !jobs.test) fail('no test job');
    if (expect.hasLint && !jobs.lint) fail('no lint job');
    const build = jobs['build-and-push'] ?? fail('no build-and-push job');
    if (expect.hasLint && !build.needs?.includes('lint')) {
      fail('the image is built without waiting for the lint job');
    }
    const stepIds = (build.steps as any[]).map(s => s.id).filter(Boolean);
    const expectedSteps = [
      'build',
      'scan',
      'sbom',
      ...(expect.sign ? ['sign', 'attest'] : []),
    ];
    for (const id of expectedSteps) {
      if (!stepIds.includes(id)) fail(`no ${id} step in build-and-push`);
    }
    if (stepIds.indexOf('scan') > stepIds.indexOf('sign') && expect.sign) {
      fail('the image is signed before the vulnerability gate');
    }
    for (const [name, job] of Object.entries<any>(jobs)) {
      for (const step of job.steps ?? fail(`job ${name} has no steps`)) {
        if (step.uses !== undefined && !/^[^@\s]+@[^@\s]+$/.test(step.uses)) {
          fail(`step "${step.name}" in ${name} uses an action without a ref`);
        }
      }
    }
    return;
  }

  const stages: string[] = pipeline.stages ?? fail('no stages');
  const expectedJobs = [
    ...(expect.hasTest ? ['test'] : []),
    ...(expect.hasLint ? ['lint'] : []),
    'build-and-push',
    'scan',
    'sbom',
    ...(expect.sign ? ['sign'] : []),
  ];
  for (const name of expectedJobs) {
    const job = pipeline[name] ?? fail(`no ${name} job`);
    if (!stages.includes(job.stage)) fail(`job ${name} has an unknown stage`);
    if (!Array.isArray(job.script) || job.script.length === 0) {
      fail(`job ${name} has no script`);
    }
  }
  if (expect.hasLint && !pipeline['build-and-push'].needs?.includes('lint')) {
    fail('the image is built without waiting for the lint job');
  }
  if (expect.sign && !pipeline.sign.needs.includes('scan')) {
    fail('the sign job does not wait for the vulnerability gate');
  }
}

function assertRepositoryRelative(path: string, field: string): void {
  const normalized = posix.normalize(path);
  if (isAbsolute(path) || normalized === '..' || normalized.startsWith('../')) {
    throw new InputError(
      `${field} must be a path inside the repository, relative to its root`,
    );
  }
}

/**
 * Resolves a user-given path inside the workspace. Absolute paths and `..`
 * are refused outright; resolveSafeChildPath then follows symlinks, so a link
 * in the workspace that points outside it is refused too.
 */
function resolveWorkspaceFile(
  workspacePath: string,
  path: string,
  field: string,
): string {
  if (isAbsolute(path) || win32.isAbsolute(path) || path.includes('\\')) {
    throw new InputError(
      `${field} must be a relative path with forward slashes inside the workspace`,
    );
  }
  const normalized = posix.normalize(path);
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new InputError(`${field} must stay inside the workspace`);
  }
  if (normalized === '.' || normalized.endsWith('/')) {
    throw new InputError(`${field} must name a file`);
  }
  try {
    return resolveSafeChildPath(workspacePath, normalized);
  } catch (error) {
    if (isError(error) && error.name === 'NotAllowedError') {
      throw new InputError(
        `${field} resolves outside the workspace through a symbolic link`,
      );
    }
    throw error;
  }
}

async function writeWorkspaceFile(
  absolutePath: string,
  content: string,
  overwrite: boolean,
): Promise<void> {
  await fs.mkdir(dirname(absolutePath), { recursive: true });
  try {
    // 'wx' refuses an existing file atomically, so nothing already in the
    // workspace is replaced unless the template asks for it.
    await fs.writeFile(absolutePath, content, {
      encoding: 'utf8',
      flag: overwrite ? 'w' : 'wx',
    });
  } catch (error) {
    if (isError(error) && (error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new InputError(
        'targetPath already exists in the workspace; set overwrite: true to replace it',
      );
    }
    throw error;
  }
}
