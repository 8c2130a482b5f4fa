import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ComponentUpgrader } from './ComponentUpgrader';
import {
  type ComponentUpgraderService,
  componentUpgraderServiceRef,
} from './componentUpgraderService';

/** A plugin that keeps the upgrader it is given. */
function pluginKeeping(id: string, seen: Map<string, unknown>) {
  return createBackendPlugin({
    pluginId: id,
    register(env) {
      env.registerInit({
        deps: { upgrader: componentUpgraderServiceRef },
        async init({ upgrader }) {
          seen.set(id, upgrader);
        },
      });
    },
  });
}

describe('componentUpgraderServiceRef', () => {
  it('gives each plugin its own ComponentUpgrader by default', async () => {
    const seen = new Map<string, unknown>();
    const backend = await startTestBackend({
      features: [
        pluginKeeping('one', seen),
        pluginKeeping('two', seen),
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: { goldenPaths: { upgrades: { concurrency: 3 } } },
        }),
      ],
    });
    try {
      expect(seen.get('one')).toBeInstanceOf(ComponentUpgrader);
      expect(seen.get('two')).toBeInstanceOf(ComponentUpgrader);
      expect(seen.get('one')).not.toBe(seen.get('two'));
    } finally {
      await backend.stop();
    }
  }, 60_000);

  it('stops the backend on an invalid upgrade limit, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          pluginKeeping('one', new Map()),
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { goldenPaths: { upgrades: { concurrency: 0 } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      'goldenPaths.upgrades.concurrency must be a whole number of at least 1, got 0',
    );
  }, 60_000);

  it('can be replaced by an adopter’s own factory', async () => {
    const own: ComponentUpgraderService = {
      plan: jest.fn(),
      run: jest.fn(),
      planFollowers: jest.fn(),
    };
    const seen = new Map<string, unknown>();
    const backend = await startTestBackend({
      features: [
        pluginKeeping('one', seen),
        createServiceFactory({
          service: componentUpgraderServiceRef,
          deps: {},
          factory: () => own,
        }),
      ],
    });
    try {
      expect(seen.get('one')).toBe(own);
    } finally {
      await backend.stop();
    }
  }, 60_000);
});
