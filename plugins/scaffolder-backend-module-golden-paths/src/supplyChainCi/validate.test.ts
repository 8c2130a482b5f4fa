import { githubActions } from './githubActions';
import { gitlabCi } from './gitlabCi';
import { planPipeline, type CiSystem } from './plan';
import { supplyChainCiInputSchema } from './schema';

/**
 * The checks each CI system runs on its pipeline once written and parsed
 * back: they catch a generator that drops what the golden path promises.
 */
function check(
  system: CiSystem,
  input: Record<string, unknown>,
  spoil: (pipeline: any) => void,
) {
  const plan = planPipeline(supplyChainCiInputSchema.parse(input));
  const pipeline = JSON.parse(JSON.stringify(system.generate(plan).document));
  spoil(pipeline);
  return () =>
    system.validate(pipeline, plan, message => {
      throw new Error(message);
    });
}

const image = 'ghcr.io/example-org/payments-api';

describe('the GitHub Actions checks', () => {
  it('pass the generated workflow', () => {
    expect(check(githubActions, { image, lint: true }, () => {})).not.toThrow();
  });

  it.each([
    ['no test job', (p: any) => delete p.jobs.test],
    ['no lint job', (p: any) => delete p.jobs.lint],
    [
      'the image is built without waiting for the lint job',
      (p: any) => (p.jobs['build-and-push'].needs = ['test']),
    ],
    [
      'no scan step in build-and-push',
      (p: any) => {
        const build = p.jobs['build-and-push'];
        build.steps = build.steps.filter((s: any) => s.id !== 'scan');
      },
    ],
    [
      'the image is signed before the vulnerability gate',
      (p: any) => {
        const steps: any[] = p.jobs['build-and-push'].steps;
        const scan = steps.findIndex(s => s.id === 'scan');
        steps.push(...steps.splice(scan, 1));
      },
    ],
    [
      'step "Check out" in test uses an action without a ref',
      (p: any) => (p.jobs.test.steps[0].uses = 'actions/checkout'),
    ],
  ])('find %s', (message, spoil) => {
    expect(check(githubActions, { image, lint: true }, spoil)).toThrow(message);
  });
});

describe('the GitLab CI checks', () => {
  const input = {
    format: 'gitlab-ci',
    image: 'registry.gitlab.com/example-org/ledger-service',
    language: 'go',
    lint: true,
  };

  it('pass the generated pipeline', () => {
    expect(check(gitlabCi, input, () => {})).not.toThrow();
  });

  it.each([
    ['no sbom job', (p: any) => delete p.sbom],
    ['job scan has an unknown stage', (p: any) => (p.scan.stage = 'gate')],
    ['job test has no script', (p: any) => (p.test.script = [])],
    [
      'the image is built without waiting for the lint job',
      (p: any) => delete p['build-and-push'].needs,
    ],
    [
      'the sign job does not wait for the vulnerability gate',
      (p: any) => (p.sign.needs = ['build-and-push', 'sbom']),
    ],
  ])('find %s', (message, spoil) => {
    expect(check(gitlabCi, input, spoil)).toThrow(message);
  });
});
