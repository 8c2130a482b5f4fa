import {
  fixtureGit,
  type FixtureRepository,
} from './__fixtures__/fixtureRepository';
import {
  expectedPlan,
  upgradeFixtureCases,
} from './__fixtures__/upgradeFixtures';
import {
  FIXTURE_BRANCH,
  planFixtureUpgrade,
  repositorySide,
  subjectOf,
  useFixtureRepositories,
} from './__testUtils__/fixtureMerges';
import {
  expectMergeProperties,
  readStoredTree,
  snapshotDirectory,
  snapshotWorkState,
} from './__testUtils__/mergeProperties';
import { commitToLocalBranch } from './commitToLocalBranch';

/*
 * Every fixture case, planned with the repository as a git repository and
 * as files, then committed twice on the upgrade branch: the plan, the
 * merged tree and the commits against the merge properties.
 */

jest.setTimeout(60_000);

const repositories = useFixtureRepositories();
const newScaffoldRecord = Buffer.from('version: 2.0.0\nupgraded: true\n');

function countObjects(repository: FixtureRepository) {
  return fixtureGit(repository.dir, ['count-objects', '-v']);
}

describe.each(['git', 'files'] as const)(
  'planThreeWayMerge with the repository as %s',
  side => {
    it.each(upgradeFixtureCases.map(c => [c.name, c] as const))(
      '%s',
      async (_name, fixtureCase) => {
        const repository = repositories.create(fixtureCase);
        const before = snapshotDirectory(repository.dir);
        const objectsBefore = countObjects(repository);

        const merge = await planFixtureUpgrade(
          repositorySide(side, fixtureCase, repository),
        );
        try {
          // The plan names every file the upgrade touches, and only those.
          const expected = Object.entries(expectedPlan(fixtureCase))
            .map(([path, change]) => ({ path, ...change }))
            .sort((a, b) => (a.path < b.path ? -1 : 1));
          expect(merge.files.map(({ detail, ...rest }) => rest)).toEqual(
            expected,
          );
          for (const file of merge.files) {
            expect(file.detail).toMatch(/^[A-Z].*\.$/);
          }
          expect(merge.conflicts).toBe(
            expected.filter(f => /conflict/.test(f.outcome)).length,
          );

          const subject = subjectOf(fixtureCase);
          const ownRecord = subject.repository.find(
            f => f.path === '.golden-paths/scaffold.yaml',
          )?.content;
          const planned = readStoredTree(merge.gitDir, merge.treeId);
          expectMergeProperties(subject, planned);
          // Left out of the merge: the developer's record stays as it was.
          expect(planned.get('.golden-paths/scaffold.yaml')?.content).toEqual(
            ownRecord,
          );

          expect(snapshotDirectory(repository.dir)).toEqual(before);
          expect(countObjects(repository)).toBe(objectsBefore);

          const workState = snapshotWorkState(repository.dir);
          const first = await commitToLocalBranch({
            merge,
            gitDir: repository.gitDir,
            parent: repository.commit,
            branch: FIXTURE_BRANCH,
            message: 'Upgrade to fixture-service 2.0.0',
            extraFiles: [
              {
                path: '.golden-paths/scaffold.yaml',
                content: newScaffoldRecord,
              },
            ],
          });
          const expectDelivered = (commit: string, record?: Buffer) => {
            expect(
              fixtureGit(repository.dir, [
                'rev-parse',
                `refs/heads/${FIXTURE_BRANCH}`,
              ]).trim(),
            ).toBe(commit);
            expect(
              fixtureGit(repository.dir, [
                'rev-list',
                '--parents',
                '-n1',
                commit,
              ])
                .trim()
                .split(' '),
            ).toEqual([commit, repository.commit]);
            const committed = readStoredTree(repository.gitDir, commit);
            expectMergeProperties(subject, committed);
            expect(
              committed.get('.golden-paths/scaffold.yaml')?.content,
            ).toEqual(record);
            expect(snapshotWorkState(repository.dir)).toEqual(workState);
            expect(
              fixtureGit(repository.dir, ['symbolic-ref', 'HEAD']).trim(),
            ).toBe('refs/heads/main');
          };
          expectDelivered(first.commit, newScaffoldRecord);

          // A second upgrade moves the same branch.
          const second = await commitToLocalBranch({
            merge,
            gitDir: repository.gitDir,
            parent: repository.commit,
            branch: FIXTURE_BRANCH,
            message: 'Upgrade to fixture-service 2.0.0, again',
          });
          expect(second.commit).not.toBe(first.commit);
          // Without extra files, the repository's own record stays.
          expectDelivered(second.commit, ownRecord);
          expect(
            fixtureGit(repository.dir, [
              'for-each-ref',
              '--format=%(refname)',
              'refs/heads/',
            ]),
          ).toBe(`refs/heads/${FIXTURE_BRANCH}\nrefs/heads/main\n`);
        } finally {
          await merge.dispose();
        }
        // Every object the branch needs is in the developer's repository.
        expect(() =>
          fixtureGit(repository.dir, ['fsck', '--strict', '--no-progress']),
        ).not.toThrow();
        expect(
          fixtureGit(repository.dir, [
            'fsck',
            '--strict',
            '--no-progress',
            '--no-dangling',
          ]),
        ).toBe('');
      },
    );
  },
);
