import * as nodeFs from 'node:fs';
import { publishLocalTestbed } from '../__testUtils__/publishLocalTestbed';

const fs = nodeFs.promises;

/*
 * What golden-paths:publish:local refuses, and that a refusal leaves no
 * repository behind and nothing outside the workspace touched.
 */
describe('golden-paths:publish:local refuses', () => {
  const { mockDir, action, context, listRepositories } = publishLocalTestbed();

  it.each([
    '../escape',
    '..',
    'a/b',
    'a\\b',
    '/tmp/abs',
    '.hidden',
    'a..b',
    '',
    'x'.repeat(101),
  ])('refuses the repoName %j', async repoName => {
    await expect(action.handler(context({ repoName }))).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('is not a valid repository name'),
    });
    expect(await listRepositories()).toBeUndefined();
    expect(await fs.readdir(mockDir.resolve('outside'))).toEqual([
      'secret.txt',
    ]);
  });

  it('refuses to overwrite an existing repository and leaves it as it was', async () => {
    mockDir.addContent({ repos: { orders: { 'keep.txt': 'mine' } } });
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'a repository named orders already exists',
      ),
    });
    expect(mockDir.content({ path: 'repos' })).toEqual({
      orders: { 'keep.txt': 'mine' },
    });
  });

  it('refuses to publish through a symbolic link in the repositories directory', async () => {
    mockDir.addContent({
      repos: { orders: ({ symlink }) => symlink(mockDir.resolve('outside')) },
    });
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await fs.readdir(mockDir.resolve('outside'))).toEqual([
      'secret.txt',
    ]);
  });

  it('refuses a symbolic link in the workspace that points outside it, leaving nothing behind', async () => {
    mockDir.addContent({
      workspace: {
        src: {
          leak: ({ symlink }) => symlink('../../outside/secret.txt'),
        },
      },
    });
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'the symbolic link src/leak points outside the directory being published; replace it with the file itself',
    });
    expect(await listRepositories()).toBeUndefined();
  });

  it.each([
    ['../outside', /points outside the workspace/],
    [mockDir.resolve('outside'), /not the absolute path/],
    ['missing', /is not a directory of the workspace/],
  ])('refuses the sourcePath %j', async (sourcePath, message) => {
    await expect(
      action.handler(context({ repoName: 'orders', sourcePath })),
    ).rejects.toMatchObject({ name: 'InputError', message });
    expect(await listRepositories()).toBeUndefined();
  });

  it('refuses a sourcePath that goes through a link out of the workspace', async () => {
    mockDir.addContent({
      workspace: { out: ({ symlink }) => symlink(mockDir.resolve('outside')) },
    });
    await expect(
      action.handler(context({ repoName: 'orders', sourcePath: 'out' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/outside the workspace/),
    });
    expect(await listRepositories()).toBeUndefined();
  });

  it.each([
    [{ defaultBranch: 'feature..x' }, /defaultBranch: "feature..x"/],
    [{ defaultBranch: 'main.lock' }, /defaultBranch: "main.lock"/],
    [{ gitAuthorEmail: 'a@b>\nx' }, /gitAuthorEmail: must be non-empty/],
    [{ catalogInfoPath: '../../x.yaml' }, /catalogInfoPath "..\/..\/x.yaml"/],
    [{ catalogInfoPath: '/' }, /catalogInfoPath "\/"/],
  ])('refuses bad input %j', async (bad, message) => {
    await expect(
      action.handler(context({ repoName: 'orders', ...bad })),
    ).rejects.toMatchObject({ name: 'InputError', message });
    expect(await listRepositories()).toBeUndefined();
  });

  it('refuses to publish an empty workspace', async () => {
    mockDir.setContent({ workspace: { empty: {} } });
    await expect(
      action.handler(context({ repoName: 'orders' })),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('there is nothing to publish'),
    });
  });

  it('lists every problem of the input at once, each with its field', async () => {
    await expect(
      action.handler(
        context({
          repoName: '../escape',
          defaultBranch: 'main.lock',
          gitAuthorName: '',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^Invalid input to golden-paths:publish:local: repoName: "..\/escape" is not a valid repository name: .+; defaultBranch: "main.lock" is not a valid branch name, such as main; gitAuthorName: must be non-empty/,
      ),
    });
    expect(await listRepositories()).toBeUndefined();
  });
});
