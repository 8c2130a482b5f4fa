import {
  isCatalogApiVersion,
  isCatalogDocument,
  isCatalogInfoFile,
} from './catalogDocuments';

describe('isCatalogApiVersion', () => {
  it.each([
    'backstage.io/v1alpha1',
    'backstage.io/v1beta1',
    'scaffolder.backstage.io/v1beta3',
    'golden-paths.dev/v1alpha1',
    'Backstage.IO/v1alpha1',
  ])('knows %s', apiVersion => {
    expect(isCatalogApiVersion(apiVersion)).toBe(true);
  });

  it.each([
    'v1',
    'apps/v1',
    'autoscaling/v2',
    'kustomize.config.k8s.io/v1beta1',
    'kubeflow.org/v1',
    'sparkoperator.k8s.io/v1beta2',
    'notbackstage.io/v1',
    'backstage.io.example.com/v1',
    '/v1',
  ])('does not take %s for a catalog apiVersion', apiVersion => {
    expect(isCatalogApiVersion(apiVersion)).toBe(false);
  });
});

describe('isCatalogDocument', () => {
  it('takes documents of the catalog API groups', () => {
    expect(
      isCatalogDocument({ apiVersion: 'backstage.io/v1alpha1', kind: 'X' }),
    ).toBe(true);
  });

  it('leaves Kubernetes and Kustomize documents alone', () => {
    expect(
      isCatalogDocument({ apiVersion: 'apps/v1', kind: 'Deployment' }),
    ).toBe(false);
    expect(
      isCatalogDocument({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
      }),
    ).toBe(false);
  });

  it('takes a document of another group when --allow-kind names its kind', () => {
    const widget = { apiVersion: 'acme.com/v1', kind: 'Widget' };
    expect(isCatalogDocument(widget)).toBe(false);
    expect(isCatalogDocument(widget, ['gadget', 'widget'])).toBe(true);
  });

  it('leaves configuration without apiVersion, kind or metadata alone', () => {
    expect(isCatalogDocument({ site_name: 'docs', nav: [] })).toBe(false);
    expect(isCatalogDocument(['a', 'b'])).toBe(false);
    expect(isCatalogDocument('text')).toBe(false);
    expect(isCatalogDocument(null)).toBe(false);
  });

  it('takes a document that looks like an entity with a missing or broken apiVersion, so it is reported', () => {
    expect(isCatalogDocument({ kind: 'Component' })).toBe(true);
    expect(isCatalogDocument({ metadata: { name: 'a' } })).toBe(true);
    expect(isCatalogDocument({ apiVersion: 7, kind: 'Component' })).toBe(true);
  });
});

describe('isCatalogInfoFile', () => {
  it('knows catalog-info.yaml by its name', () => {
    expect(isCatalogInfoFile('/repo/catalog-info.yaml')).toBe(true);
    expect(isCatalogInfoFile('repo/Catalog-Info.YML')).toBe(true);
    expect(isCatalogInfoFile('repo/k8s/deployment.yaml')).toBe(false);
    expect(isCatalogInfoFile('repo/my-catalog-info.yaml')).toBe(false);
  });
});
