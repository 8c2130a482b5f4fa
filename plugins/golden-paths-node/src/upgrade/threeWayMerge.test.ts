import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFixtureRepository,
  fixtureGit,
  type FixtureRepository,
} from './__fixtures__/fixtureRepository';
import {
  fixtureExclude,
  fixtureLabels,
  renderTemplate,
} from './__fixtures__/fixtureTemplate';
import {
  expectedPlan,
  repositoryFiles,
  upgradeFixtureCases,
  type UpgradeFixtureCase,
} from './__fixtures__/upgradeFixtures';
import {
  expectMergeProperties,
  readStoredTree,
  snapshotDirectory,
  snapshotWorkState,
  type MergeSubject,
} from './__testUtils__/mergeProperties';
import { commitToLocalBranch } from './commitToLocalBranch';
import { planThreeWayMerge } from './planThreeWayMerge';
import type { RepositorySide, ThreeWayMerge } from './types';

jest.setTimeout(60_000);

const BRANCH = 'golden-paths/upgrade-fixture-service';
const newScaffoldRecord = Buffer.from('version: 2.0.0\nupgraded: true\n');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'three-way-merge-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let repositoryCount = 0;
function fixtureRepository(fixtureCase: UpgradeFixtureCase): FixtureRepository {
  repositoryCount += 1;
  return createFixtureRepository(
    join(root, `repo-${repositoryCount}`),
    repositoryFiles(fixtureCase),
    { dirty: true },
  );
}

function subjectOf(fixtureCase: UpgradeFixtureCase): MergeSubject {
  return {
    fixtureCase,
    base: renderTemplate(1),
    template: renderTemplate(2),
    repository: repositoryFiles(fixtureCase),
  };
}

function repositorySide(
  type: RepositorySide['type'],
  fixtureCase: UpgradeFixtureCase,
  repository: FixtureRepository,
): RepositorySide {
  return type === 'git'
    ? { type, gitDir: repository.gitDir, commit: repository.commit }
    : { type, files: repositoryFiles(fixtureCase) };
}

function plan(repository: RepositorySide) {
  return planThreeWayMerge({
    base: renderTemplate(1),
    template: renderTemplate(2),
    repository,
    labels: fixtureLabels,
    exclude: fixtureExclude,
  });
}

function countObjects(repository: FixtureRepository) {
  return fixtureGit(repository.dir, ['count-objects', '-v']);
}

describe.each(['git', 'files'] as const)(
  'planThreeWayMerge with the repository as %s',
  side => {
    it.each(upgradeFixtureCases.map(c => [c.name, c] as const))(
      '%s',
      async (_name, fixtureCase) => {
        const repository = fixtureRepository(fixtureCase);
        const before = snapshotDirectory(repository.dir);
        const objectsBefore = countObjects(repository);

        const merge = await plan(repositorySide(side, fixtureCase, repository));
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
            branch: BRANCH,
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
                `refs/heads/${BRANCH}`,
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
            branch: BRANCH,
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
          ).toBe(`refs/heads/${BRANCH}\nrefs/heads/main\n`);
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

describe('conflict markers', () => {
  it('are labelled with the repository and the template versions', async () => {
    const fixtureCase = upgradeFixtureCases.find(c => c.name === 'same line')!;
    const merge = await plan({
      type: 'files',
      files: repositoryFiles(fixtureCase),
    });
    try {
      expect((await merge.readFile('src/index.js'))?.toString()).toContain(
        [
          '<<<<<<< your repository',
          "const setting10 = 'mine';",
          '=======',
          'const setting10 = 100;',
          '>>>>>>> fixture-service 2.0.0',
        ].join('\n'),
      );
    } finally {
      await merge.dispose();
    }
  });

  it('keep CRLF line ends in a CRLF file', async () => {
    const fixtureCase: UpgradeFixtureCase = {
      name: 'CRLF conflict',
      edit: files => {
        const file = files.get('windows/setup.bat')!;
        files.set(file.path, {
          ...file,
          content: Buffer.from(
            file.content
              .toString()
              .replace('echo setup step 2\r\n', 'echo mine\r\n'),
          ),
        });
      },
      plan: {},
    };
    const merge = await plan({
      type: 'files',
      files: repositoryFiles(fixtureCase),
    });
    try {
      expect(
        merge.files.find(f => f.path === 'windows/setup.bat')?.outcome,
      ).toBe('conflict');
      const merged = (await merge.readFile('windows/setup.bat'))!.toString();
      expect(merged).toContain(
        '<<<<<<< your repository\r\necho mine\r\n=======\r\n',
      );
      expect(
        merged
          .split('\n')
          .slice(0, -1)
          .every(l => l.endsWith('\r')),
      ).toBe(true);
    } finally {
      await merge.dispose();
    }
  });
});

describe('planThreeWayMerge', () => {
  const untouched = upgradeFixtureCases[0];

  it('refuses paths git cannot store', async () => {
    for (const path of [
      '../escape',
      '/abs',
      'a//b',
      '.git/config',
      'a/.GIT/x',
      'a\\b',
    ]) {
      await expect(
        planThreeWayMerge({
          base: [],
          template: [{ path, content: Buffer.from('x') }],
          repository: { type: 'files', files: [] },
          labels: fixtureLabels,
        }),
      ).rejects.toMatchObject({ name: 'InputError' });
    }
  });

  it('keeps paths with spaces, quotes, tabs and non-ASCII letters', async () => {
    const odd = 'docs/a "quoted"\tname, été.md';
    const merge = await planThreeWayMerge({
      base: [{ path: odd, content: Buffer.from('one\ntwo\nthree\nfour\n') }],
      template: [{ path: odd, content: Buffer.from('one\ntwo\nthree\n4\n') }],
      repository: {
        type: 'files',
        files: [{ path: odd, content: Buffer.from('1\ntwo\nthree\nfour\n') }],
      },
      labels: fixtureLabels,
    });
    try {
      expect(merge.files.map(f => [f.path, f.outcome])).toEqual([
        [odd, 'merged'],
      ]);
      expect(await merge.readFile('docs')).toBeUndefined();
      expect(await merge.readFile('docs/a')).toBeUndefined();
      expect((await merge.readFile(odd))?.toString()).toBe(
        '1\ntwo\nthree\n4\n',
      );
    } finally {
      await merge.dispose();
    }
  });

  it('refuses a side holding one path twice', async () => {
    await expect(
      planThreeWayMerge({
        base: [
          { path: 'a', content: Buffer.from('1') },
          { path: 'a', content: Buffer.from('2') },
        ],
        template: [],
        repository: { type: 'files', files: [] },
        labels: fixtureLabels,
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('says when the repository or its commit does not exist', async () => {
    await expect(
      plan({ type: 'git', gitDir: join(root, 'nowhere'), commit: 'HEAD' }),
    ).rejects.toMatchObject({ name: 'InputError' });
    const repository = fixtureRepository(untouched);
    await expect(
      plan({ type: 'git', gitDir: repository.gitDir, commit: 'f'.repeat(40) }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('accepts a branch name as the commit and removes its temporary repository', async () => {
    const repository = fixtureRepository(untouched);
    const merge = await plan({
      type: 'git',
      gitDir: repository.gitDir,
      commit: 'main',
    });
    expect(merge.repositoryCommit).toBe(repository.commit);
    expect(merge.timings.totalMs).toBeGreaterThan(0);
    await merge.dispose();
    expect(() => readStoredTree(merge.gitDir, merge.treeId)).toThrow();
  });

  it('ignores git variables set by the calling process', async () => {
    const repository = fixtureRepository(untouched);
    const before = snapshotDirectory(repository.dir);
    const saved = { ...process.env };
    process.env.GIT_DIR = repository.gitDir;
    process.env.GIT_INDEX_FILE = join(repository.gitDir, 'index');
    process.env.GIT_OBJECT_DIRECTORY = join(repository.gitDir, 'objects');
    try {
      const merge = await plan({
        type: 'files',
        files: repositoryFiles(untouched),
      });
      await merge.dispose();
    } finally {
      process.env = saved;
    }
    expect(snapshotDirectory(repository.dir)).toEqual(before);
  });
});

describe('commitToLocalBranch', () => {
  const untouched = upgradeFixtureCases[0];
  let repository: FixtureRepository;
  let merge: ThreeWayMerge;
  beforeAll(async () => {
    repository = fixtureRepository(untouched);
    merge = await plan({
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
    const fromFiles = await plan({
      type: 'files',
      files: repositoryFiles(untouched),
    });
    try {
      await expect(
        commitToLocalBranch({
          merge: fromFiles,
          gitDir: repository.gitDir,
          branch: BRANCH,
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
      join(root, 'sha256'),
      repositoryFiles(fixtureCase),
      { objectFormat: 'sha256' },
    );
    const planned = await plan({
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
        branch: BRANCH,
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
      branch: BRANCH,
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
