import type { CiSystem, Pipeline, PipelinePlan } from './plan';
import { GITLAB_IMAGES } from './tools';

const IMAGE_BY_DIGEST = '$IMAGE@$IMAGE_DIGEST';

/** Registry credentials: GitLab's own for its registry, else CI/CD variables. */
type Credentials = { user: string; password: string };

/** A job of the test stage, in the toolchain's image. */
function checkJob(plan: PipelinePlan, command: string) {
  const image = plan.toolchain.gitlabImage;
  return {
    stage: 'test',
    ...(image ? { image } : {}),
    script: [command],
  };
}

function buildJob(plan: PipelinePlan, { user, password }: Credentials) {
  const needs = plan.checkJobs;
  return {
    stage: 'build',
    image: GITLAB_IMAGES.docker,
    services: [GITLAB_IMAGES.dockerDind],
    ...(needs.length > 0 ? { needs } : {}),
    rules: onDefaultBranch(plan),
    variables: {
      DOCKER_TLS_CERTDIR: '/certs',
      DOCKERFILE: plan.input.dockerfile,
      BUILD_CONTEXT: plan.input.context,
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
}

/**
 * A job of the scan stage on the pushed image, in a tool's image, logged in
 * to the registry through the tool's variables.
 */
function imageJob(
  plan: PipelinePlan,
  image: string,
  variables: Record<string, string>,
  command: string,
) {
  return {
    stage: 'scan',
    needs: ['build-and-push'],
    rules: onDefaultBranch(plan),
    image: { name: image, entrypoint: [''] },
    variables,
    script: [command],
  };
}

function scanJob(plan: PipelinePlan, { user, password }: Credentials) {
  const { input, registry, gates } = plan;
  return input.scanner === 'trivy'
    ? imageJob(
        plan,
        GITLAB_IMAGES.trivy,
        { TRIVY_USERNAME: user, TRIVY_PASSWORD: password },
        `trivy image --exit-code 1 --severity ${gates.failOnSeverities.join(
          ',',
        )} --no-progress "${IMAGE_BY_DIGEST}"`,
      )
    : imageJob(
        plan,
        GITLAB_IMAGES.grype,
        {
          GRYPE_REGISTRY_AUTH_AUTHORITY: registry,
          GRYPE_REGISTRY_AUTH_USERNAME: user,
          GRYPE_REGISTRY_AUTH_PASSWORD: password,
        },
        `/grype "registry:${IMAGE_BY_DIGEST}" --fail-on ${input.severityThreshold}`,
      );
}

function sbomJob(plan: PipelinePlan, { user, password }: Credentials) {
  const { input, registry, sbom } = plan;
  return {
    ...imageJob(
      plan,
      GITLAB_IMAGES.syft,
      {
        SYFT_REGISTRY_AUTH_AUTHORITY: registry,
        SYFT_REGISTRY_AUTH_USERNAME: user,
        SYFT_REGISTRY_AUTH_PASSWORD: password,
      },
      `/syft "registry:${IMAGE_BY_DIGEST}" --output ${input.sbomFormat}=${sbom.file}`,
    ),
    artifacts: { paths: [sbom.file] },
  };
}

function signJob(plan: PipelinePlan, { user, password }: Credentials) {
  const { sbom } = plan;
  return {
    stage: 'sign',
    // Needs the scan job: an image that fails the gate is never signed.
    needs: ['build-and-push', 'scan', 'sbom'],
    rules: onDefaultBranch(plan),
    image: GITLAB_IMAGES.cosign,
    // cosign picks the token up from SIGSTORE_ID_TOKEN for keyless signing.
    id_tokens: { SIGSTORE_ID_TOKEN: { aud: 'sigstore' } },
    script: [
      'apk add --no-cache cosign',
      `echo "${password}" | cosign login "$REGISTRY" --username "${user}" --password-stdin`,
      `cosign sign --yes "${IMAGE_BY_DIGEST}"`,
      `cosign attest --yes --type ${sbom.cosignType} --predicate ${sbom.file} "${IMAGE_BY_DIGEST}"`,
    ],
  };
}

function onDefaultBranch({ input }: PipelinePlan) {
  return [{ if: `$CI_COMMIT_BRANCH == "${input.defaultBranch}"` }];
}

function generate(plan: PipelinePlan): Pipeline {
  const { input, testCommand, lintCommand } = plan;
  const onGitlabRegistry = plan.registry === 'registry.gitlab.com';
  const credentials: Credentials = onGitlabRegistry
    ? { user: '$CI_REGISTRY_USER', password: '$CI_REGISTRY_PASSWORD' }
    : { user: '$REGISTRY_USER', password: '$REGISTRY_PASSWORD' };

  const document: Record<string, unknown> = {
    stages: [
      ...(plan.checkJobs.length > 0 ? ['test'] : []),
      'build',
      'scan',
      ...(input.sign ? ['sign'] : []),
    ],
    variables: { IMAGE: input.image, REGISTRY: plan.registry },
  };
  if (testCommand !== undefined) {
    document.test = checkJob(plan, testCommand);
  }
  if (lintCommand !== undefined) {
    document.lint = checkJob(plan, lintCommand);
  }
  document['build-and-push'] = buildJob(plan, credentials);
  // Later jobs read IMAGE_DIGEST from the build job's dotenv report, so every
  // step works on the exact pushed digest, never on a movable tag.
  document.scan = scanJob(plan, credentials);
  document.sbom = sbomJob(plan, credentials);
  if (input.sign) {
    document.sign = signJob(plan, credentials);
  }

  return {
    document,
    requiredSecrets: onGitlabRegistry
      ? []
      : ['REGISTRY_USER', 'REGISTRY_PASSWORD'],
  };
}

/**
 * Checks the parsed pipeline: every job with a known stage and a script,
 * the build after lint and signing after the gate.
 */
const validate: CiSystem['validate'] = (pipeline, plan, fail) => {
  const sign = plan.input.sign;
  const hasLint = plan.lintCommand !== undefined;
  const stages: string[] = pipeline.stages ?? fail('no stages');
  const expectedJobs = [
    ...plan.checkJobs,
    'build-and-push',
    'scan',
    'sbom',
    ...(sign ? ['sign'] : []),
  ];
  for (const name of expectedJobs) {
    const job = pipeline[name] ?? fail(`no ${name} job`);
    if (!stages.includes(job.stage)) fail(`job ${name} has an unknown stage`);
    if (!Array.isArray(job.script) || job.script.length === 0) {
      fail(`job ${name} has no script`);
    }
  }
  if (hasLint && !pipeline['build-and-push'].needs?.includes('lint')) {
    fail('the image is built without waiting for the lint job');
  }
  if (sign && !pipeline.sign.needs.includes('scan')) {
    fail('the sign job does not wait for the vulnerability gate');
  }
};

/**
 * A GitLab CI pipeline: test (and lint) jobs in the test stage; on the
 * default branch, build and push (the digest passed on as a dotenv report),
 * then the scan gate and the SBOM, then signing once the gate passed.
 */
export const gitlabCi: CiSystem = {
  title: 'GitLab CI',
  defaultTargetPath: '.gitlab-ci.yml',
  generate,
  validate,
};
