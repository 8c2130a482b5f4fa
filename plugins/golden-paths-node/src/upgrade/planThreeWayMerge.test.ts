import { join } from 'node:path';
import { fixtureLabels } from './__fixtures__/fixtureTemplate';
import {
  repositoryFiles,
  upgradeFixtureCases,
  type UpgradeFixtureCase,
} from './__fixtures__/upgradeFixtures';
import {
  planFixtureUpgrade,
  useFixtureRepositories,
} from './__testUtils__/fixtureMerges';
import {
  readStoredTree,
  snapshotDirectory,
} from './__testUtils__/mergeProperties';
import { planThreeWayMerge } from './planThreeWayMerge';

jest.setTimeout(60_000);

const repositories = useFixtureRepositories();

describe('conflict markers', () => {
  it('are labelled with the repository and the template versions', async () => {
    const fixtureCase = upgradeFixtureCases.find(c => c.name === 'same line')!;
    const merge = await planFixtureUpgrade({
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
    const merge = await planFixtureUpgrade({
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
      planFixtureUpgrade({
        type: 'git',
        gitDir: repositories.path('nowhere'),
        commit: 'HEAD',
      }),
    ).rejects.toMatchObject({ name: 'InputError' });
    const repository = repositories.create(untouched);
    await expect(
      planFixtureUpgrade({
        type: 'git',
        gitDir: repository.gitDir,
        commit: 'f'.repeat(40),
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('accepts a branch name as the commit and removes its temporary repository', async () => {
    const repository = repositories.create(untouched);
    const merge = await planFixtureUpgrade({
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
    const repository = repositories.create(untouched);
    const before = snapshotDirectory(repository.dir);
    const saved = { ...process.env };
    process.env.GIT_DIR = repository.gitDir;
    process.env.GIT_INDEX_FILE = join(repository.gitDir, 'index');
    process.env.GIT_OBJECT_DIRECTORY = join(repository.gitDir, 'objects');
    try {
      const merge = await planFixtureUpgrade({
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
