import {
  createMockDirectory,
  mockCredentials,
  type TestBackend,
} from '@backstage/backend-test-utils';
import {
  commitAll,
  startLocalRepositoriesBackend,
} from './__testUtils__/localRepositoriesBackend';
import {
  componentBehindYaml,
  ORG_YAML,
  PATHS_YAML,
} from './__testUtils__/testCatalog';
import { REAL_WORK_TIMEOUT_MS, waitUntil } from './__testUtils__/testBackend';

// The catalog ingests two components on a shared 2-core machine.
jest.setTimeout(2 * REAL_WORK_TIMEOUT_MS);

/*
 * Someone who can put a symbolic link in one local repository must not make
 * an upgrade read (and write its branch into) another repository of the
 * same directory.
 */
describe('upgrading a local repository whose .git is a link to another', () => {
  const mockDir = createMockDirectory();
  let backend: TestBackend;
  let baseUrl: string;

  beforeAll(async () => {
    mockDir.setContent({
      'org.yaml': ORG_YAML,
      'paths.yaml': PATHS_YAML,
      repos: {
        victim: {
          'catalog-info.yaml': componentBehindYaml('victim'),
          'secret.txt': 'victim-secret\n',
        },
        attacker: {
          'catalog-info.yaml': componentBehindYaml('attacker'),
          '.git': ({ symlink }) => symlink('../victim/.git'),
        },
      },
    });
    commitAll(mockDir.resolve('repos/victim'), 'Victim');
    ({ backend, baseUrl } = await startLocalRepositoriesBackend(mockDir, [
      'org.yaml',
      'paths.yaml',
      'repos/victim/catalog-info.yaml',
      'repos/attacker/catalog-info.yaml',
    ]));
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function planAttacker() {
    const response = await fetch(
      `${baseUrl}/api/golden-paths/entities/component/default/attacker/upgrade`,
      {
        headers: {
          Authorization: mockCredentials.user.header('user:default/alice'),
        },
      },
    );
    return { status: response.status, body: (await response.json()) as any };
  }

  it('refuses to plan it instead of reading the other repository', async () => {
    let answer: Awaited<ReturnType<typeof planAttacker>> | undefined;
    // Until the catalog has the component, the plan is not found.
    await waitUntil('the attacker component in the catalog', async () => {
      answer = await planAttacker();
      return (
        !(
          answer.status === 404 &&
          /attacker not found/.test(answer.body?.error?.message)
        ) || JSON.stringify(answer)
      );
    });
    expect(answer).toMatchObject({
      status: 403,
      body: {
        error: {
          message: expect.stringMatching(
            /leads outside its own folder through a symbolic link/,
          ),
        },
      },
    });
    expect(JSON.stringify(answer?.body)).not.toContain(
      mockDir.resolve('repos/victim'),
    );
  });
});
