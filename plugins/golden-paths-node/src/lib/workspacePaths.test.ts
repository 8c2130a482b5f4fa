import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  assertRepositoryRelativePath,
  pathExists,
  resolveWorkspaceChild,
  resolveWorkspaceDirectory,
  resolveWorkspaceFile,
  writeWorkspaceFile,
} from './workspacePaths';

describe('resolveWorkspaceDirectory', () => {
  const mockDir = createMockDirectory();
  const workspace = mockDir.resolve('workspace');

  beforeEach(() => {
    mockDir.setContent({ workspace: { k8s: {} }, outside: {} });
  });

  it.each([
    ['k8s', 'k8s'],
    ['deploy/kubernetes', 'deploy/kubernetes'],
    ['./a/../k8s/', 'k8s'],
    ['.', ''],
  ])('resolves %p inside the workspace', (value, expected) => {
    expect(resolveWorkspaceDirectory(workspace, value, 'targetDir')).toBe(
      mockDir.resolve('workspace', expected),
    );
  });

  it.each([
    ['/tmp/k8s', 'targetDir must be a relative path with forward slashes'],
    ['C:\\k8s', 'targetDir must be a relative path with forward slashes'],
    ['deploy\\k8s', 'targetDir must be a relative path with forward slashes'],
    ['..', 'targetDir must stay inside the workspace'],
    ['k8s/../../outside', 'targetDir must stay inside the workspace'],
  ])('refuses %p', (value, message) => {
    expect(() =>
      resolveWorkspaceDirectory(workspace, value, 'targetDir'),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('refuses a directory that is a symbolic link leading out of the workspace', () => {
    mockDir.setContent({
      outside: {},
      workspace: { k8s: ({ symlink }) => symlink('../outside') },
    });
    expect(() =>
      resolveWorkspaceDirectory(workspace, 'k8s/deploy', 'targetDir'),
    ).toThrow(
      'targetDir resolves outside the workspace through a symbolic link',
    );
  });
});

describe('resolveWorkspaceChild', () => {
  const mockDir = createMockDirectory();
  const workspace = mockDir.resolve('workspace');

  it('resolves a file in a directory of the workspace', () => {
    mockDir.setContent({ workspace: { k8s: {} } });
    expect(
      resolveWorkspaceChild(
        workspace,
        mockDir.resolve('workspace/k8s'),
        'pdb.yaml',
        'targetDir file pdb.yaml',
      ),
    ).toBe(mockDir.resolve('workspace/k8s/pdb.yaml'));
  });

  it('refuses a file that is a symbolic link leading out of the workspace', () => {
    mockDir.setContent({
      outside: {},
      workspace: {
        k8s: { 'pdb.yaml': ({ symlink }) => symlink('../../outside/pdb.yaml') },
      },
    });
    expect(() =>
      resolveWorkspaceChild(
        workspace,
        mockDir.resolve('workspace/k8s'),
        'pdb.yaml',
        'targetDir file pdb.yaml',
      ),
    ).toThrow(
      'targetDir file pdb.yaml resolves outside the workspace through a symbolic link',
    );
  });
});

describe('pathExists', () => {
  const mockDir = createMockDirectory();

  it('sees files, directories and broken links, not missing paths', async () => {
    mockDir.setContent({
      file: 'x',
      dir: {},
      broken: ({ symlink }) => symlink('missing'),
    });
    expect(await pathExists(mockDir.resolve('file'))).toBe(true);
    expect(await pathExists(mockDir.resolve('dir'))).toBe(true);
    expect(await pathExists(mockDir.resolve('broken'))).toBe(true);
    expect(await pathExists(mockDir.resolve('missing'))).toBe(false);
  });
});

describe('resolveWorkspaceFile', () => {
  const mockDir = createMockDirectory();
  const workspace = mockDir.resolve('workspace');

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  it('resolves a file inside the workspace', () => {
    expect(
      resolveWorkspaceFile(workspace, './.github/workflows/ci.yaml', 'file'),
    ).toBe(mockDir.resolve('workspace/.github/workflows/ci.yaml'));
  });

  it.each([
    ['/tmp/ci.yaml', 'file must be a relative path with forward slashes'],
    ['..\\ci.yaml', 'file must be a relative path with forward slashes'],
    ['.github/../../ci.yaml', 'file must stay inside the workspace'],
    ['../', 'file must stay inside the workspace'],
    ['.', 'file must name a file'],
    ['.github/', 'file must name a file'],
  ])('refuses %p', (value, message) => {
    expect(() => resolveWorkspaceFile(workspace, value, 'file')).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(message),
      }),
    );
  });

  it('refuses a file whose directory is a symbolic link leading out of the workspace', () => {
    mockDir.setContent({
      outside: {},
      workspace: { '.github': ({ symlink }) => symlink('../outside') },
    });
    expect(() =>
      resolveWorkspaceFile(workspace, '.github/ci.yaml', 'file'),
    ).toThrow('file resolves outside the workspace through a symbolic link');
  });
});

describe('assertRepositoryRelativePath', () => {
  it.each(['Dockerfile', 'docker/Dockerfile', '.', 'a/../b'])(
    'accepts %p',
    value => {
      expect(() =>
        assertRepositoryRelativePath(value, 'dockerfile'),
      ).not.toThrow();
    },
  );

  it.each(['/etc/Dockerfile', '..', '../Dockerfile', 'a/../../Dockerfile'])(
    'refuses %p',
    value => {
      expect(() => assertRepositoryRelativePath(value, 'dockerfile')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message:
            'dockerfile must be a path inside the repository, relative to its root',
        }),
      );
    },
  );
});

describe('writeWorkspaceFile', () => {
  const mockDir = createMockDirectory();

  it('creates the directory and refuses an existing file unless overwrite is set', async () => {
    mockDir.setContent({});
    const file = mockDir.resolve('a/b/ci.yaml');
    await writeWorkspaceFile(file, 'one', { overwrite: false, what: 'x' });
    expect(await fs.readFile(file, 'utf8')).toBe('one');

    await expect(
      writeWorkspaceFile(file, 'two', {
        overwrite: false,
        what: 'targetPath',
      }),
    ).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          'targetPath already exists in the workspace; set overwrite: true to replace it',
      }),
    );
    expect(await fs.readFile(file, 'utf8')).toBe('one');

    await writeWorkspaceFile(file, 'three', { overwrite: true, what: 'x' });
    expect(await fs.readFile(file, 'utf8')).toBe('three');
  });
});
