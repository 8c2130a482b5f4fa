import { promises as fs } from 'node:fs';
import { supplyChainCiTestbed } from '../__testUtils__/supplyChainCi';

describe('golden-paths:supply-chain:ci', () => {
  const { mockDir, action, context, run } = supplyChainCiTestbed();

  it('writes the file in a dry run too, into the dry-run workspace', async () => {
    const { outputs, ctx } = await run(
      { image: 'ghcr.io/example-org/payments-api' },
      { isDryRun: true },
    );
    expect(outputs.filePath).toBe('.github/workflows/ci.yaml');
    expect(ctx.output).toHaveBeenCalledWith('gates', expect.anything());
  });

  it('publishes JSON Schemas with the defaults for the template editor', () => {
    const input = action.schema?.input as any;
    expect(input.required).toEqual(['image']);
    expect(input.properties.format.default).toBe('github-actions');
    expect(input.properties.severityThreshold.default).toBe('high');
    expect(input.additionalProperties).toBe(false);
    expect(action.supportsDryRun).toBe(true);
  });

  describe('refuses bad input', () => {
    it.each([
      ['a tag', 'ghcr.io/example-org/payments-api:1.0.0'],
      ['a digest', `ghcr.io/example-org/payments-api@sha256:${'a'.repeat(64)}`],
      ['no registry', 'example-org/payments-api'],
      ['upper case', 'ghcr.io/Example-Org/payments-api'],
      ['no repository', 'ghcr.io'],
    ])('an image with %s', async (_what, image) => {
      await expect(action.handler(context({ image }))).rejects.toThrow(
        /image: must be registry\/repository without tag or digest/,
      );
    });

    it('a missing image and unknown inputs', async () => {
      await expect(action.handler(context({}))).rejects.toThrow(
        /image: Required/,
      );
      await expect(
        action.handler(context({ image: 'ghcr.io/a/b', severity: 'high' })),
      ).rejects.toThrow(/Unrecognized key/);
    });

    it.each([
      ['a parent directory', '../ci.yaml', /must stay inside the workspace/],
      [
        'a nested parent directory',
        '.github/../../ci.yaml',
        /must stay inside the workspace/,
      ],
      ['an absolute path', '/tmp/ci.yaml', /relative path/],
      ['a backslash path', '..\\ci.yaml', /relative path/],
      ['a directory', '.github/', /must name a file/],
    ])('a targetPath with %s', async (_what, targetPath, message) => {
      await expect(
        action.handler(
          context({ image: 'ghcr.io/example-org/payments-api', targetPath }),
        ),
      ).rejects.toThrow(message);
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it('a targetPath through a symlink that leads out of the workspace', async () => {
      mockDir.setContent({
        outside: {},
        workspace: {
          '.github': ({ symlink }) => symlink('../outside'),
        },
      });
      await expect(
        action.handler(context({ image: 'ghcr.io/example-org/payments-api' })),
      ).rejects.toThrow(/outside the workspace through a symbolic link/);
      expect(mockDir.content({ path: 'outside' })).toEqual({});
    });

    it.each([
      ['dockerfile', '../Dockerfile'],
      ['dockerfile', '/etc/Dockerfile'],
      ['context', '..'],
      ['context', '$(reboot)'],
    ])('a %s of %s', async (field, value) => {
      await expect(
        action.handler(
          context({
            image: 'ghcr.io/example-org/payments-api',
            [field]: value,
          }),
        ),
      ).rejects.toThrow(new RegExp(field));
    });

    it.each(['java', 'none'])(
      'lint for language %s, which has no lint command',
      async language => {
        await expect(
          action.handler(
            context({
              image: 'ghcr.io/example-org/payments-api',
              language,
              lint: true,
            }),
          ),
        ).rejects.toThrow(`lint has no command for language ${language}`);
        expect(mockDir.content({ path: 'workspace' })).toEqual({});
      },
    );

    it('an existing file, unless overwrite is set', async () => {
      mockDir.setContent({
        workspace: { '.gitlab-ci.yml': 'stages: [mine]\n' },
      });
      const input = {
        format: 'gitlab-ci',
        image: 'registry.gitlab.com/example-org/ledger-service',
      };
      await expect(action.handler(context(input))).rejects.toThrow(
        /already exists/,
      );
      expect(
        await fs.readFile(mockDir.resolve('workspace/.gitlab-ci.yml'), 'utf8'),
      ).toBe('stages: [mine]\n');

      const { pipeline } = await run({ ...input, overwrite: true });
      expect(pipeline.stages).toContain('scan');
    });
  });
});
