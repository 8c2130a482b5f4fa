import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { localRepositoryUrlReaderFactory } from './localRepositoryUrlReaderFactory';

describe('localRepositoryUrlReaderFactory', () => {
  const make = (data: object) =>
    localRepositoryUrlReaderFactory({
      config: new ConfigReader(data),
      logger: mockServices.logger.mock(),
      treeResponseFactory: {} as any,
    });

  it('installs no reader when local publishing is off and no directory is listed', () => {
    expect(
      make({
        goldenPaths: { scaffolder: { localPublish: { enabled: false } } },
      }),
    ).toEqual([]);
  });

  it('serves only the listed directories when local publishing is off', () => {
    const [{ predicate }] = make({
      goldenPaths: {
        scaffolder: {
          localPublish: { enabled: false, directory: '/srv/published' },
        },
        localRepositories: { directories: ['/srv/mirrors'] },
      },
    });
    expect(predicate(new URL('file:///srv/mirrors/a/catalog-info.yaml'))).toBe(
      true,
    );
    expect(
      predicate(new URL('file:///srv/published/a/catalog-info.yaml')),
    ).toBe(false);
  });
});
