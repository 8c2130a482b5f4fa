import { ciCheck } from './ciCheck';
import { checkContext, repositoryOf } from './__testUtils__/fixtures';
import { withoutFile } from './__testUtils__/mutations';

const LOOKED_FOR =
  'looked for .github/workflows/*.yml|yaml, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .circleci/config.yml and bitbucket-pipelines.yml';

describe('ciCheck', () => {
  it('passes on the template output, naming the workflow', async () => {
    expect(await ciCheck.evaluate(checkContext())).toEqual({
      status: 'pass',
      reason: 'CI configuration found in .github/workflows/ci.yaml',
    });
  });

  it('fails without CI configuration, saying where it looked', async () => {
    const repository = withoutFile(
      checkContext().repository,
      '.github/workflows/ci.yaml',
    );
    expect(await ciCheck.evaluate(checkContext({ repository }))).toEqual({
      status: 'fail',
      reason: `no CI configuration found (${LOOKED_FOR})`,
      fix: expect.stringContaining('.github/workflows/ci.yaml'),
    });
  });

  it.each([
    '.gitlab-ci.yml',
    'Jenkinsfile',
    'azure-pipelines.yml',
    '.circleci/config.yml',
    'bitbucket-pipelines.yml',
    '.github/workflows/release.yml',
  ])('finds %s', async path => {
    const repository = repositoryOf({ [path]: 'steps: [build]\n' });
    expect(await ciCheck.evaluate(checkContext({ repository }))).toEqual({
      status: 'pass',
      reason: `CI configuration found in ${path}`,
    });
  });

  it('does not count files elsewhere or empty files', async () => {
    const repository = repositoryOf({
      'docs/.github/workflows/ci.yaml': 'jobs: {}\n',
      '.github/workflows/ci.yaml': '\n',
      '.github/ci.yaml': 'jobs: {}\n',
    });
    expect((await ciCheck.evaluate(checkContext({ repository }))).status).toBe(
      'fail',
    );
  });

  it('answers unknown when the repository could not be read', async () => {
    expect(
      await ciCheck.evaluate(
        checkContext({
          repository: {
            status: 'unavailable',
            location: 'https://github.com/example-org/payments-api',
            reason: 'NotFoundError: repository not found.',
            files: [],
          },
        }),
      ),
    ).toEqual({
      status: 'unknown',
      reason:
        'the repository at https://github.com/example-org/payments-api could not be read: NotFoundError: repository not found',
    });
  });

  it('answers unknown when the entity names no repository', async () => {
    expect(
      await ciCheck.evaluate(
        checkContext({ repository: { status: 'none', files: [] } }),
      ),
    ).toEqual({
      status: 'unknown',
      reason:
        'the entity names no repository (no backstage.io/source-location)',
      fix: expect.stringContaining('backstage.io/source-location'),
    });
  });

  it('answers unknown rather than fail when the read was truncated', async () => {
    const verdict = await ciCheck.evaluate(
      checkContext({ repository: { ...repositoryOf({}), truncated: true } }),
    );
    expect(verdict).toEqual({
      status: 'unknown',
      reason: `no CI configuration found (${LOOKED_FOR}), but the repository was read only in part (size or file-count limits)`,
    });
  });
});
