import {
  createMockDirectory,
  mockCredentials,
  type TestBackend,
} from '@backstage/backend-test-utils';
import {
  commitAll,
  startLocalRepositoriesBackend,
} from './__testUtils__/localRepositoriesBackend';
import { ORG_YAML, PATHS_YAML } from './__testUtils__/testCatalog';

jest.setTimeout(60_000);

const component = (name: string) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    golden-paths.dev/path: goldenpath:default/node-http-service
    golden-paths.dev/path-version: 2.0.0
spec: { type: service, lifecycle: production, owner: group:default/team-a }
`;

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
          'catalog-info.yaml': component('victim'),
          'secret.txt': 'victim-secret\n',
        },
        attacker: {
          'catalog-info.yaml': component('attacker'),
          '.git': ({ symlink }) => symlink('../victim/.git'),
        },
      },
    });
    commitAll(mockDir.resolve('repos/victim'), 'Victim');
    ({ backend, baseUrl } = await startLocalRepositoriesBackend({
      resolve: path => mockDir.resolve(path),
      locations: [
        'org.yaml',
        'paths.yaml',
        'repos/victim/catalog-info.yaml',
        'repos/attacker/catalog-info.yaml',
      ],
    }));
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
    let answer = await planAttacker();
    const deadline = Date.now() + 30_000;
    // Until the catalog has the component, the plan is not found.
    while (
      answer.status === 404 &&
      /attacker not found/.test(answer.body?.error?.message) &&
      Date.now() < deadline
    ) {
      await new Promise(resolve => setTimeout(resolve, 250));
      answer = await planAttacker();
    }
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
    expect(JSON.stringify(answer.body)).not.toContain(
      mockDir.resolve('repos/victim'),
    );
  });
});
