import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigReader } from '@backstage/config';
import git from 'isomorphic-git';
import { CheckpointStore, outputsOf } from '../__testUtils__/actionContext';
import { publishLocalTestbed } from '../__testUtils__/publishLocalTestbed';
import { createPublishLocalAction } from './publishLocal';

const fs = nodeFs.promises;

describe('golden-paths:publish:local', () => {
  const { mockDir, repositories, action, context, listRepositories } =
    publishLocalTestbed();

  it('publishes the workspace as a git repository with one commit', async () => {
    const ctx = context({ repoName: 'orders', description: 'Orders service' });
    await action.handler(ctx);

    const dir = join(repositories, 'orders');
    const url = pathToFileURL(dir).href;
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', url);
    expect(ctx.output).toHaveBeenCalledWith('repoContentsUrl', `${url}/`);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `${url}/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith('repositoryPath', dir);

    const commits = await git.log({ fs: nodeFs, dir });
    expect(commits).toHaveLength(1);
    const [{ oid, commit }] = commits;
    expect(ctx.output).toHaveBeenCalledWith('commitHash', oid);
    expect(commit.message).toBe(
      'Initial commit from template:default/node-http-service\n',
    );
    expect(commit.author).toMatchObject({
      name: 'Golden Paths Scaffolder',
      email: 'scaffolder@golden-paths.local',
    });
    expect(await git.currentBranch({ fs: nodeFs, dir })).toBe('main');
    expect(
      (await git.listFiles({ fs: nodeFs, dir, ref: 'HEAD' })).sort(),
    ).toEqual([
      'README.md',
      'catalog-info.yaml',
      'readme-link',
      'run.sh',
      'src/app.ts',
    ]);
    const status = await git.statusMatrix({ fs: nodeFs, dir });
    expect(
      status.every(
        ([, head, work, stage]) => head === 1 && work === 1 && stage === 1,
      ),
    ).toBe(true);

    expect(await fs.readFile(join(dir, 'src/app.ts'), 'utf8')).toBe(
      'export {};\n',
    );
    expect(await fs.readlink(join(dir, 'readme-link'))).toBe('README.md');
    expect((await fs.stat(join(dir, 'run.sh'))).mode & 0o111).not.toBe(0);
    expect(await fs.readFile(join(dir, '.git/description'), 'utf8')).toBe(
      'Orders service\n',
    );
    // The workspace's own .git is not carried over.
    expect(await fs.readFile(join(dir, '.git/HEAD'), 'utf8')).toBe(
      'ref: refs/heads/main\n',
    );
    expect(await listRepositories()).toEqual(['orders']);
  });

  it('publishes a subdirectory with the given branch, author and message', async () => {
    mockDir.addContent({
      workspace: { service: { 'index.js': 'ok\n', 'catalog-info.yaml': 'x' } },
    });
    const ctx = context({
      repoName: 'billing.api_v2',
      sourcePath: 'service',
      defaultBranch: 'trunk',
      gitAuthorName: 'Platform Team',
      gitAuthorEmail: 'platform@example.com',
      gitCommitMessage: 'Scaffold billing',
      catalogInfoPath: '/catalog-info.yaml',
    });
    await action.handler(ctx);
    const dir = join(repositories, 'billing.api_v2');
    const [{ commit }] = await git.log({ fs: nodeFs, dir });
    expect(commit.message).toBe('Scaffold billing\n');
    expect(commit.author).toMatchObject({
      name: 'Platform Team',
      email: 'platform@example.com',
    });
    expect(await git.currentBranch({ fs: nodeFs, dir })).toBe('trunk');
    expect(
      (await git.listFiles({ fs: nodeFs, dir, ref: 'HEAD' })).sort(),
    ).toEqual(['catalog-info.yaml', 'index.js']);
  });

  it('points catalogInfoUrl at the given catalogInfoPath', async () => {
    const ctx = context({
      repoName: 'orders',
      catalogInfoPath: 'deploy/catalog info.yaml',
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `${
        pathToFileURL(join(repositories, 'orders')).href
      }/deploy/catalog%20info.yaml`,
    );
  });

  it('creates no repository and no directory in a dry run, and outputs the would-be values', async () => {
    const ctx = context({ repoName: 'orders' }, { isDryRun: true });
    await action.handler(ctx);
    const url = pathToFileURL(join(repositories, 'orders')).href;
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', url);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `${url}/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith('commitHash', 'dry-run');
    expect(await listRepositories()).toBeUndefined();
  });

  it('still refuses a link out of the workspace in a dry run', async () => {
    mockDir.addContent({
      workspace: {
        leak: ({ symlink }) => symlink(mockDir.resolve('outside/secret.txt')),
      },
    });
    await expect(
      action.handler(context({ repoName: 'orders' }, { isDryRun: true })),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('resolves a relative directory against the working directory, and defaults to ./.data/repositories', async () => {
    jest.spyOn(process, 'cwd').mockReturnValue(mockDir.resolve('backend'));
    try {
      const ctx = context({ repoName: 'orders' });
      await createPublishLocalAction({ config: new ConfigReader({}) }).handler(
        ctx,
      );
      const dir = mockDir.resolve('backend/.data/repositories/orders');
      expect(ctx.output).toHaveBeenCalledWith('repositoryPath', dir);
      expect(await git.log({ fs: nodeFs, dir })).toHaveLength(1);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('commits what .gitignore allows, and refuses when it leaves out everything', async () => {
    mockDir.setContent({
      workspace: { '.gitignore': '*\n', 'a.txt': 'a' },
    });
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('.gitignore leaves out every file'),
    });
    expect(await listRepositories()).toEqual([]);

    mockDir.setContent({
      workspace: {
        '.gitignore': 'dist/\n',
        'a.txt': 'a',
        dist: { 'b.js': 'b' },
      },
    });
    await action.handler(context({ repoName: 'orders' }));
    expect(
      (
        await git.listFiles({
          fs: nodeFs,
          dir: join(repositories, 'orders'),
          ref: 'HEAD',
        })
      ).sort(),
    ).toEqual(['.gitignore', 'a.txt']);
  });

  it('succeeds when the task is retried after publishing, with the same outputs and no second repository', async () => {
    const checkpoints = new CheckpointStore();
    const first = context(
      { repoName: 'orders' },
      { checkpoint: checkpoints.checkpoint },
    );
    await action.handler(first);
    const retried = context(
      { repoName: 'orders' },
      { checkpoint: checkpoints.checkpoint },
    );
    await action.handler(retried);

    expect(outputsOf(retried)).toEqual(outputsOf(first));
    const dir = join(repositories, 'orders');
    expect(await git.log({ fs: nodeFs, dir })).toHaveLength(1);
    expect(await listRepositories()).toEqual(['orders']);

    // Another task (no checkpoint of its own) still may not take the name.
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('publishes on a retry after an attempt that failed', async () => {
    const checkpoints = new CheckpointStore();
    const commit = jest
      .spyOn(git, 'commit')
      .mockRejectedValueOnce(new Error('disk full'));
    try {
      await expect(
        action.handler(
          context(
            { repoName: 'orders' },
            { checkpoint: checkpoints.checkpoint },
          ),
        ),
      ).rejects.toThrow('disk full');
    } finally {
      commit.mockRestore();
    }
    const ctx = context(
      { repoName: 'orders' },
      { checkpoint: checkpoints.checkpoint },
    );
    await action.handler(ctx);
    const [{ oid }] = await git.log({
      fs: nodeFs,
      dir: join(repositories, 'orders'),
    });
    expect(ctx.output).toHaveBeenCalledWith('commitHash', oid);
  });

  it('leaves nothing half-written when the commit fails', async () => {
    const commit = jest
      .spyOn(git, 'commit')
      .mockRejectedValueOnce(new Error('disk full'));
    try {
      await expect(
        action.handler(context({ repoName: 'orders' })),
      ).rejects.toThrow('disk full');
    } finally {
      commit.mockRestore();
    }
    expect(await listRepositories()).toEqual([]);
  });
});
