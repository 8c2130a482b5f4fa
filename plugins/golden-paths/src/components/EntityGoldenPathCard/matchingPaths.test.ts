import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { goldenPathEntity } from '../../__testUtils__';
import {
  categoryForComponentType,
  matchingPaths,
  templateRefsOf,
} from './matchingPaths';

function path(
  name: string,
  spec: Partial<GoldenPathEntityV1alpha1['spec']>,
  title?: string,
): GoldenPathEntityV1alpha1 {
  return goldenPathEntity(name, spec, title ? { title } : {});
}

const paths = [
  path('node-http-service', {
    category: 'service',
    templates: ['template:default/node-http-service'],
  }),
  path(
    'go-grpc-service',
    { category: 'service', lifecycle: 'beta' },
    'A Go gRPC service',
  ),
  path('node-http-service-legacy', {
    category: 'service',
    lifecycle: 'deprecated',
  }),
  path('python-data-pipeline', {
    category: 'data',
    templates: ['python-data-pipeline'],
  }),
  path('react-frontend', {
    category: 'frontend',
    templates: ['template:default/react-frontend'],
  }),
  path('edge-worker', {
    category: 'frontend',
    templates: ['template:default/edge-worker'],
  }),
];

describe('categoryForComponentType', () => {
  it.each([
    ['service', 'service'],
    ['Service', 'service'],
    ['website', 'frontend'],
    ['data-pipeline', 'data'],
    ['pipeline', 'data'],
    ['ml-model', 'ml'],
    ['ml', 'ml'],
    ['network-function', 'network-function'],
    ['library', 'library'],
    ['documentation', undefined],
    [undefined, undefined],
  ])('maps %p to %p', (type, category) => {
    expect(categoryForComponentType(type)).toBe(category);
  });
});

describe('matchingPaths', () => {
  const names = (list: GoldenPathEntityV1alpha1[]) =>
    list.map(p => p.metadata.name);

  it('finds the paths of the type’s category, supported first, without deprecated ones', () => {
    expect(names(matchingPaths('service', paths))).toEqual([
      'node-http-service',
      'go-grpc-service',
    ]);
    expect(names(matchingPaths('website', paths))).toEqual([
      'edge-worker',
      'react-frontend',
    ]);
  });

  it('finds paths whose template creates components of the type', () => {
    const templateTypes = new Map([
      ['template:default/edge-worker', 'edge-function'],
      ['template:default/python-data-pipeline', 'dbt-project'],
    ]);
    expect(names(matchingPaths('edge-function', paths, templateTypes))).toEqual(
      ['edge-worker'],
    );
    expect(names(matchingPaths('DBT-project', paths, templateTypes))).toEqual([
      'python-data-pipeline',
    ]);
  });

  it('finds nothing for an unknown or missing type', () => {
    expect(matchingPaths('documentation', paths)).toEqual([]);
    expect(matchingPaths(undefined, paths)).toEqual([]);
    expect(matchingPaths('  ', paths)).toEqual([]);
  });
});

describe('templateRefsOf', () => {
  it('lists each template once, as a full ref', () => {
    expect(templateRefsOf([...paths, paths[0]])).toEqual([
      'template:default/node-http-service',
      'template:default/python-data-pipeline',
      'template:default/react-frontend',
      'template:default/edge-worker',
    ]);
  });
});
