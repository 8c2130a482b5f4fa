import { imageSigningCheck } from './imageSigningCheck';
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

const LOOKED_FOR =
  'looked for cosign sign, sigstore/cosign-installer with a sign script (make sign, sign.sh, …), notation sign, notaryproject/notation-action/sign and docker trust sign';

const verdictOn = verdictOf(imageSigningCheck);

describe('imageSigningCheck', () => {
  it('passes on the template workflow, naming the file and the tool', async () => {
    expect(await verdictOn()).toEqual({
      status: 'pass',
      reason: 'CI signs the image in .github/workflows/ci.yaml (cosign sign)',
    });
  });

  it('fails when the cosign step is dropped, although cosign still attests', async () => {
    const repository = withoutWorkflowStep(
      fixtureRepository('node-http-service'),
      'sign',
    );
    expect(await verdictOn(repository)).toEqual({
      status: 'fail',
      reason: `no step in .github/workflows/ci.yaml signs the image (${LOOKED_FOR})`,
      fix: expect.stringContaining('cosign sign --yes <image>@<digest>'),
    });
  });

  it('does not count "cosign sign" in comments', async () => {
    const repository = editFile(
      fixtureRepository('node-http-service'),
      TEMPLATE_WORKFLOW,
      content =>
        content.replace(
          '        run: cosign sign --yes "${IMAGE}@${IMAGE_DIGEST}"',
          [
            '        # run: cosign sign --yes "${IMAGE}@${IMAGE_DIGEST}"',
            '        run: |',
            '          # cosign sign --yes "${IMAGE}@${IMAGE_DIGEST}"',
            '          echo "signing is off for now" # until cosign sign works again',
          ].join('\n'),
        ),
    );
    expect(await verdictOn(repository)).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('signs the image'),
    });
  });

  it('does not count cosign sign-blob, which signs files, not images', async () => {
    const repository = repositoryOf({
      '.github/workflows/release.yml':
        'jobs:\n  release:\n    steps:\n      - run: cosign sign-blob --yes dist/app.tar.gz\n',
    });
    expect((await verdictOn(repository)).status).toBe('fail');
  });

  it('passes on the GitLab pipeline the supply-chain action writes', async () => {
    expect(
      await verdictOn(fixtureRepository('ci-variants/gitlab-grype-cyclonedx')),
    ).toEqual({
      status: 'pass',
      reason: 'CI signs the image in .gitlab-ci.yml (cosign sign)',
    });
  });

  it('fails on the pipeline the supply-chain action writes with sign: false', async () => {
    expect(
      (await verdictOn(fixtureRepository('ci-variants/github-grype-unsigned')))
        .status,
    ).toBe('fail');
  });

  it.each([
    ['notation sign', '      - run: notation sign "$IMAGE@$DIGEST"\n'],
    [
      'sigstore/cosign-installer with a sign script (make sign, sign.sh, …)',
      '      - uses: sigstore/cosign-installer@v3\n      - run: make sign\n',
    ],
    [
      'notaryproject/notation-action/sign',
      '      - uses: notaryproject/notation-action/sign@v1\n',
    ],
  ])('passes with %s', async (tool, steps) => {
    const repository = repositoryOf({
      '.github/workflows/release.yaml': `jobs:\n  release:\n    steps:\n${steps}`,
    });
    expect(await verdictOn(repository)).toEqual({
      status: 'pass',
      reason: `CI signs the image in .github/workflows/release.yaml (${tool})`,
    });
  });

  it('passes on a Jenkinsfile, outside comments', async () => {
    const jenkinsfile = (sign: string) =>
      `pipeline {\n  stages {\n    stage('Sign') {\n      steps {\n        ${sign}\n      }\n    }\n  }\n}\n`;
    const signed = repositoryOf({
      Jenkinsfile: jenkinsfile(
        'sh \'cosign sign --key env://COSIGN_KEY "$IMAGE"\'',
      ),
    });
    const commented = repositoryOf({
      Jenkinsfile: jenkinsfile(
        "// sh 'cosign sign \"$IMAGE\"'\n        /* cosign sign\n        later */ echo 'no'",
      ),
    });
    expect((await verdictOn(signed)).status).toBe('pass');
    expect((await verdictOn(commented)).status).toBe('fail');
  });

  it('fails without CI, saying so', async () => {
    const repository = withoutFile(
      fixtureRepository('node-http-service'),
      TEMPLATE_WORKFLOW,
    );
    expect((await verdictOn(repository)).reason).toBe(
      'no CI configuration found, so nothing signs the image (looked for .github/workflows/*.yml|yaml, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .circleci/config.yml and bitbucket-pipelines.yml)',
    );
  });

  it('answers unknown when the repository could not be read', async () => {
    expect(
      await verdictOn({ status: 'unavailable', reason: 'timeout', files: [] }),
    ).toEqual({
      status: 'unknown',
      reason: 'the repository could not be read: timeout',
    });
  });
});
