import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  pathExists,
  resolveWorkspaceChild,
  resolveWorkspaceDirectory,
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
