import { chmodSync, promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createPublishLocalAction } from '../actions/publishLocal';
import { type ContextOf, actionContext } from './actionContext';

type Context = ContextOf<ReturnType<typeof createPublishLocalAction>>;

/**
 * golden-paths:publish:local over a mock directory, reset before each test:
 * a workspace with files, an executable, a link and its own `.git`; a
 * secret `outside` it; repositories published into `repos`. Call it in a
 * describe block.
 */
export function publishLocalTestbed() {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const repositories = mockDir.resolve('repos');
  const config = new ConfigReader({
    goldenPaths: { scaffolder: { localPublish: { directory: repositories } } },
  });
  const action = createPublishLocalAction({ config });

  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\n',
        'README.md': '# orders\n',
        src: { 'app.ts': 'export {};\n' },
        'run.sh': '#!/bin/sh\necho hi\n',
        'readme-link': ({ symlink }) => symlink('README.md'),
        '.git': { HEAD: 'ref: refs/heads/old\n' },
      },
      outside: { 'secret.txt': 'secret' },
    });
    chmodSync(mockDir.resolve('workspace/run.sh'), 0o755);
  });

  return {
    mockDir,
    repositories,
    action,
    /** A context in the workspace, with what `extra` overrides. */
    context(input: Record<string, unknown>, extra?: Partial<Context>) {
      return actionContext(action, input, { workspacePath, ...extra });
    },
    /** The published repositories, or undefined when there is no directory. */
    async listRepositories() {
      return fs.readdir(repositories).catch(() => undefined);
    },
  };
}
