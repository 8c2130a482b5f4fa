import type { CiSystem, Pipeline, PipelinePlan } from './plan';
import { GITHUB_ACTIONS } from './tools';

const IMAGE_BY_DIGEST = '${{ env.IMAGE }}@${{ steps.build.outputs.digest }}';

/** A job of the check stage: check out, set the toolchain up, run. */
function checkJob(plan: PipelinePlan, name: 'Test' | 'Lint', run: string) {
  const setup = plan.toolchain.githubSetup;
  return {
    name,
    'runs-on': 'ubuntu-latest',
    steps: [
      { name: 'Check out', uses: GITHUB_ACTIONS.checkout },
      ...(setup ? [setup] : []),
      { name, id: name.toLowerCase(), run },
    ],
  };
}

function scanStep({ input, gates }: PipelinePlan) {
  const name = `Vulnerability gate (${input.scanner}, fail on ${input.severityThreshold} and above)`;
  return input.scanner === 'trivy'
    ? {
        name,
        id: 'scan',
        uses: GITHUB_ACTIONS.trivy,
        with: {
          'image-ref': IMAGE_BY_DIGEST,
          severity: gates.failOnSeverities.join(','),
          'exit-code': '1',
        },
      }
    : {
        name,
        id: 'scan',
        uses: GITHUB_ACTIONS.grype,
        with: {
          image: IMAGE_BY_DIGEST,
          'severity-cutoff': input.severityThreshold,
          'fail-build': true,
          'output-format': 'table',
        },
      };
}

function signSteps({ input, sbom }: PipelinePlan) {
  if (!input.sign) {
    return [];
  }
  const env = { IMAGE_DIGEST: '${{ steps.build.outputs.digest }}' };
  return [
    { name: 'Install cosign', uses: GITHUB_ACTIONS.cosignInstaller },
    {
      name: 'Sign the image by digest (keyless)',
      id: 'sign',
      env,
      run: 'cosign sign --yes "${IMAGE}@${IMAGE_DIGEST}"',
    },
    {
      name: 'Attest the SBOM',
      id: 'attest',
      env,
      run: `cosign attest --yes --type ${sbom.cosignType} --predicate ${sbom.file} "\${IMAGE}@\${IMAGE_DIGEST}"`,
    },
  ];
}

function buildJob(plan: PipelinePlan, onGhcr: boolean) {
  const { input, registry, checkJobs: needs } = plan;
  return {
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
      scanStep(plan),
      {
        name: `Generate SBOM (${input.sbomFormat})`,
        id: 'sbom',
        uses: GITHUB_ACTIONS.sbom,
        with: {
          image: IMAGE_BY_DIGEST,
          format: input.sbomFormat,
          'output-file': plan.sbom.file,
        },
      },
      ...signSteps(plan),
    ],
  };
}

function generate(plan: PipelinePlan): Pipeline {
  const { input, testCommand, lintCommand } = plan;
  const onGhcr = plan.registry === 'ghcr.io';
  const jobs: Record<string, unknown> = {};
  if (testCommand !== undefined) {
    jobs.test = checkJob(plan, 'Test', testCommand);
  }
  // Its own job, in parallel with the tests, so it adds no time to a run.
  if (lintCommand !== undefined) {
    jobs.lint = checkJob(plan, 'Lint', lintCommand);
  }
  jobs['build-and-push'] = buildJob(plan, onGhcr);

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

/**
 * Checks the parsed pipeline: the jobs, the build job's steps in order (the
 * gate before signing) and a ref on every action.
 */
const validate: CiSystem['validate'] = (pipeline, plan, fail) => {
  const sign = plan.input.sign;
  const hasLint = plan.lintCommand !== undefined;
  const jobs = pipeline.jobs ?? fail('no jobs');
  if (plan.testCommand !== undefined && !jobs.test) fail('no test job');
  if (hasLint && !jobs.lint) fail('no lint job');
  const build = jobs['build-and-push'] ?? fail('no build-and-push job');
  if (hasLint && !build.needs?.includes('lint')) {
    fail('the image is built without waiting for the lint job');
  }
  const stepIds = (build.steps as any[]).map(s => s.id).filter(Boolean);
  const expectedSteps = [
    'build',
    'scan',
    'sbom',
    ...(sign ? ['sign', 'attest'] : []),
  ];
  for (const id of expectedSteps) {
    if (!stepIds.includes(id)) fail(`no ${id} step in build-and-push`);
  }
  if (stepIds.indexOf('scan') > stepIds.indexOf('sign') && sign) {
    fail('the image is signed before the vulnerability gate');
  }
  for (const [name, job] of Object.entries<any>(jobs)) {
    for (const step of job.steps ?? fail(`job ${name} has no steps`)) {
      if (step.uses !== undefined && !/^[^@\s]+@[^@\s]+$/.test(step.uses)) {
        fail(`step "${step.name}" in ${name} uses an action without a ref`);
      }
    }
  }
};

/**
 * A GitHub Actions workflow: test (and lint) jobs on every push and pull
 * request; on pushes to the default branch, one job builds and pushes the
 * image, gates it on the scan, writes the SBOM and signs by digest.
 */
export const githubActions: CiSystem = {
  title: 'GitHub Actions',
  defaultTargetPath: '.github/workflows/ci.yaml',
  generate,
  validate,
};
