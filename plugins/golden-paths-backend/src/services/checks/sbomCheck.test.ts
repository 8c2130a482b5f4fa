import { sbomCheck } from './sbomCheck';
import {
  fixtureRepository,
  repositoryOf,
  verdictOf,
} from './__testUtils__/fixtures';
import {
  editFile,
  TEMPLATE_WORKFLOW,
  withoutFile,
  withoutWorkflowStep,
} from './__testUtils__/mutations';

const verdictOn = verdictOf(sbomCheck);

function workflow(steps: string) {
  return repositoryOf({
    '.github/workflows/build.yml': `jobs:\n  build:\n    steps:\n${steps}`,
  });
}

describe('sbomCheck', () => {
  it('passes on the template workflow', async () => {
    expect(await verdictOn()).toEqual({
      status: 'pass',
      reason:
        'CI generates an SBOM in .github/workflows/ci.yaml (anchore/sbom-action)',
    });
  });

  it('fails when the SBOM step is dropped, although the header comment still mentions syft', async () => {
    const repository = withoutWorkflowStep(
      fixtureRepository('node-http-service'),
      'sbom',
    );
    expect(
      repository.files.find(f => f.path === TEMPLATE_WORKFLOW)?.content,
    ).toContain('SBOM (spdx-json) by syft');
    expect(await verdictOn(repository)).toEqual({
      status: 'fail',
      reason:
        'no step in .github/workflows/ci.yaml generates an SBOM (looked for anchore/sbom-action, syft, CycloneDX generators (cyclonedx-npm, cyclonedx-py, cdxgen, …), trivy --format cyclonedx|spdx, aquasecurity/trivy-action with format: cyclonedx|spdx, docker buildx build --sbom, docker/build-push-action with sbom: true, docker sbom and sbom-tool)',
      fix: expect.stringContaining('anchore/sbom-action'),
    });
  });

  it('passes on the GitLab pipelines the supply-chain action writes (syft)', async () => {
    for (const variant of ['gitlab-trivy', 'gitlab-grype-cyclonedx']) {
      expect(
        await verdictOn(fixtureRepository(`ci-variants/${variant}`)),
      ).toEqual({
        status: 'pass',
        reason: 'CI generates an SBOM in .gitlab-ci.yml (syft)',
      });
    }
  });

  it.each([
    ['syft', '      - run: syft "$IMAGE" -o spdx-json > sbom.json\n'],
    [
      'CycloneDX generators (cyclonedx-npm, cyclonedx-py, cdxgen, …)',
      '      - run: npx @cyclonedx/cyclonedx-npm --output-file sbom.json\n',
    ],
    [
      'trivy --format cyclonedx|spdx',
      '      - run: |\n          trivy image \\\n            --format cyclonedx --output sbom.json "$IMAGE"\n',
    ],
    [
      'aquasecurity/trivy-action with format: cyclonedx|spdx',
      '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: image\n          format: cyclonedx\n',
    ],
    [
      'docker buildx build --sbom',
      '      - run: docker buildx build --sbom=true --push -t "$IMAGE" .\n',
    ],
    [
      'docker/build-push-action with sbom: true',
      '      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          sbom: true\n',
    ],
  ])('passes with %s', async (tool, steps) => {
    expect(await verdictOn(workflow(steps))).toEqual({
      status: 'pass',
      reason: `CI generates an SBOM in .github/workflows/build.yml (${tool})`,
    });
  });

  it('does not count an SBOM setting of another step, or one turned off', async () => {
    const settingElsewhere = workflow(
      '      - uses: docker/build-push-action@v6\n      - uses: actions/upload-artifact@v4\n        with:\n          sbom: true\n',
    );
    const turnedOff = workflow(
      '      - run: docker buildx build --sbom=false --push .\n',
    );
    expect((await verdictOn(settingElsewhere)).status).toBe('fail');
    expect((await verdictOn(turnedOff)).status).toBe('fail');
  });

  it('does not count syft in comments or image names', async () => {
    const repository = editFile(
      withoutWorkflowStep(fixtureRepository('node-http-service'), 'sbom'),
      TEMPLATE_WORKFLOW,
      content =>
        `${content}      - name: Later\n        image: anchore/syft:debug\n        run: |\n          # syft "$IMAGE" -o spdx-json\n          echo todo\n`,
    );
    expect((await verdictOn(repository)).status).toBe('fail');
  });

  it('fails without CI, saying so', async () => {
    const repository = withoutFile(
      fixtureRepository('node-http-service'),
      TEMPLATE_WORKFLOW,
    );
    expect(await verdictOn(repository)).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(
        /^no CI configuration found, so nothing generates an SBOM \(looked for/,
      ),
    });
  });

  it('answers unknown when the entity names no repository', async () => {
    expect((await verdictOn({ status: 'none', files: [] })).status).toBe(
      'unknown',
    );
  });
});
