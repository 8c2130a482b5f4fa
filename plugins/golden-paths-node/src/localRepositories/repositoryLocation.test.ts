import type { Entity } from '@backstage/catalog-model';
import { repositoryLocation } from './repositoryLocation';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', annotations },
  };
}

describe('repositoryLocation', () => {
  it('prefers backstage.io/source-location', () => {
    expect(
      repositoryLocation(
        entity({
          'backstage.io/source-location':
            'url:https://github.com/acme/orders/tree/main/',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/orders/blob/main/catalog-info.yaml',
        }),
      ),
    ).toBe('https://github.com/acme/orders/tree/main/');
  });

  it('falls back to the directory of a url managed-by-location', () => {
    expect(
      repositoryLocation(
        entity({
          'backstage.io/managed-by-location':
            'url:file:///srv/repos/orders/catalog-info.yaml',
        }),
      ),
    ).toBe('file:///srv/repos/orders/');
  });

  it('falls back to the directory of a file managed-by-location', () => {
    expect(
      repositoryLocation(
        entity({
          'backstage.io/managed-by-location':
            'file:/work/examples/repositories/orders/catalog-info.yaml',
        }),
      ),
    ).toBe('file:///work/examples/repositories/orders/');
  });

  it('gives nothing for missing or unreadable locations', () => {
    expect(repositoryLocation(entity({}))).toBeUndefined();
    expect(
      repositoryLocation(
        entity({ 'backstage.io/source-location': 'not a location' }),
      ),
    ).toBeUndefined();
  });
});
