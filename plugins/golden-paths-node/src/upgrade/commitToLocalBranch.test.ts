import {
  createFixtureRepository,
  fixtureGit,
  type FixtureRepository,
} from './__fixtures__/fixtureRepository';
import {
  repositoryFiles,
  upgradeFixtureCases,
} from './__fixtures__/upgradeFixtures';
import {
  FIXTURE_BRANCH,
  planFixtureUpgrade,
  subjectOf,
  useFixtureRepositories,
} from './__testUtils__/fixtureMerges';
import {
  expectMergeProperties,
  readStoredTree,
} from './__testUtils__/mergeProperties';
import { commitToLocalBranch } from './commitToLocalBranch';
import type { ThreeWayMerge } from './types';

jest.setTimeout(60_000);

const repositories = useFixtureRepositories();

describe('commitToLocalBranch', () => {
  const untouched = upgradeFixtureCases[0];
  let repository: FixtureRepository;
  let merge: ThreeWayMerge;
  beforeAll(async () => {
    repository = repositories.create(untouched);
    merge = await planFixtureUpgrade({
      type: 'git',
      gitDir: repository.gitDir,
      commit: repository.commit,
    });
  });
  afterAll(() => merge.dispose());

  it('never moves the checked-out branch', async () => {
    await expect(
      commitToLocalBranch({
        merge,
        gitDir: repository.gitDir,
        branch: 'main',
        message: 'Upgrade',
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(fixtureGit(repository.dir, ['rev-parse', 'main']).trim()).toBe(
      repository.commit,
    );
  });

  it('refuses a branch name git would not take', async () => {
    await expect(
      commitToLocalBranch({
        merge,
        gitDir: repository.gitDir,
        branch: 'bad..name',
        message: 'Upgrade',
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('needs a parent for a merge planned from files', async () => {
    const fromFiles = await planFixtureUpgrade({
      type: 'files',
      files: repositoryFiles(untouched),
    });
    try {
      await expect(
        commitToLocalBranch({
          merge: fromFiles,
          gitDir: repository.gitDir,
          branch: FIXTURE_BRANCH,
          message: 'Upgrade',
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
    } finally {
      await fromFiles.dispose();
    }
  });

  it('works in a SHA-256 repository', async () => {
    const fixtureCase = upgradeFixtureCases.find(c => c.name === 'same line')!;
    const sha256 = createFixtureRepository(
      repositories.path('sha256'),
      repositoryFiles(fixtureCase),
      { objectFormat: 'sha256' },
    );
    const planned = await planFixtureUpgrade({
      type: 'git',
      gitDir: sha256.gitDir,
      commit: sha256.commit,
    });
    try {
      expect(planned.treeId).toMatch(/^[0-9a-f]{64}$/);
      expect(planned.conflicts).toBe(1);
      const { commit } = await commitToLocalBranch({
        merge: planned,
        gitDir: sha256.gitDir,
        branch: FIXTURE_BRANCH,
        message: 'Upgrade',
      });
      expectMergeProperties(
        subjectOf(fixtureCase),
        readStoredTree(sha256.gitDir, commit),
      );
    } finally {
      await planned.dispose();
    }
    expect(
      fixtureGit(sha256.dir, [
        'fsck',
        '--strict',
        '--no-progress',
        '--no-dangling',
      ]),
    ).toBe('');
  });

  it('commits with the given author and the message', async () => {
    const { commit } = await commitToLocalBranch({
      merge,
      gitDir: repository.gitDir,
      branch: FIXTURE_BRANCH,
      message: 'Upgrade to fixture-service 2.0.0\n\nMerged by Golden Paths.',
      author: { name: 'Ada', email: 'ada@example.com' },
    });
    expect(
      fixtureGit(repository.dir, [
        'log',
        '-1',
        '--format=%an <%ae>%n%B',
        commit,
      ]).trim(),
    ).toBe(
      'Ada <ada@example.com>\nUpgrade to fixture-service 2.0.0\n\nMerged by Golden Paths.',
    );
  });
});
