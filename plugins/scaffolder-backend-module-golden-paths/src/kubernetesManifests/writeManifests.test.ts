import { promises as fs } from 'node:fs';
import {
  service,
  kubernetesManifestsTestbed,
} from '../__testUtils__/kubernetesManifests';

describe('golden-paths:kubernetes:manifests: writing into the workspace', () => {
  const { mockDir, action, context, run } = kubernetesManifestsTestbed();

  it('writes the files in a dry run too, into the dry-run workspace', async () => {
    const { outputs, ctx } = await run(service, { isDryRun: true });
    expect(outputs.files).toHaveLength(6);
    expect(ctx.output).toHaveBeenCalledWith('kinds', expect.any(Array));
  });

  describe('refuses bad input and leaves the workspace as it was', () => {
    it.each([
      ['a parent directory', '../outside', /must stay inside the workspace/],
      [
        'a nested parent directory',
        'k8s/../../outside',
        /must stay inside the workspace/,
      ],
      ['an absolute path', '/tmp/k8s', /relative path/],
      ['a backslash path', '..\\outside', /relative path/],
    ])('a targetDir with %s', async (_what, targetDir, message) => {
      await expect(
        action.handler(context({ ...service, targetDir })),
      ).rejects.toThrow(message);
      expect(mockDir.content({ path: 'workspace' })).toEqual({});
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('a targetDir that is a symlink leading out of the workspace', async () => {
      mockDir.setContent({
        outside: {},
        workspace: { k8s: ({ symlink }) => symlink('../outside') },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /outside the workspace through a symbolic link/,
      );
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('a file in targetDir that is a symlink leading out of the workspace', async () => {
      mockDir.setContent({
        outside: {},
        workspace: {
          k8s: {
            'pdb.yaml': ({ symlink }) => symlink('../../outside/pdb.yaml'),
          },
        },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /targetDir file pdb.yaml resolves outside the workspace/,
      );
      // Nothing was written before the check failed.
      expect(await fs.readdir(mockDir.resolve('workspace/k8s'))).toEqual([
        'pdb.yaml',
      ]);
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('an existing file, unless overwrite is set', async () => {
      mockDir.setContent({
        outside: {},
        workspace: { k8s: { 'service.yaml': 'mine\n' } },
      });
      await expect(action.handler(context(service))).rejects.toThrow(
        /k8s\/service.yaml already exists in the workspace/,
      );
      expect(mockDir.content({ path: 'workspace' })).toEqual({
        k8s: { 'service.yaml': 'mine\n' },
      });
      const { objects } = await run({ ...service, overwrite: true });
      expect(objects['service.yaml'].kind).toBe('Service');
    });
  });
});
