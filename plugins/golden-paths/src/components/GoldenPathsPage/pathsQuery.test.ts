import {
  examplePaths,
  nodeHttpService,
  pythonDataPipeline,
  summaryOf,
} from '../../__testUtils__';
import {
  facetOptions,
  filterPaths,
  indexPaths,
  readQuery,
  sortPaths,
  writeQuery,
} from './pathsQuery';

const items = examplePaths.map(entity => ({
  ref: `goldenpath:default/${entity.metadata.name}`,
  entity,
}));
const indexed = indexPaths(items);
const names = (paths: ReturnType<typeof indexPaths>) =>
  paths.map(p => p.view.name);

describe('pathsQuery', () => {
  it('reads and writes the query string', () => {
    const params = new URLSearchParams(
      'q=node&category=service&category=data&sort=newest&tab=x',
    );
    expect(readQuery(params)).toEqual({
      q: 'node',
      category: ['service', 'data'],
      lifecycle: [],
      owner: [],
      guarantee: [],
      sort: undefined,
    });
    const next = writeQuery(params, { category: ['ml'], q: '', sort: 'name' });
    expect(next.toString()).toBe('tab=x&category=ml&sort=name');
  });

  it('matches every search word in title, tags or stack', () => {
    const query = readQuery(new URLSearchParams());
    expect(names(filterPaths(indexed, { ...query, q: 'KUBERNETES' }))).toEqual([
      'node-http-service',
      'python-data-pipeline',
    ]);
    expect(names(filterPaths(indexed, { ...query, q: 'python argo' }))).toEqual(
      ['python-data-pipeline'],
    );
    expect(names(filterPaths(indexed, { ...query, q: 'jenkins' }))).toEqual([
      'node-http-service-legacy',
    ]);
  });

  it('widens within a facet and requires every guarantee', () => {
    const query = readQuery(new URLSearchParams());
    expect(
      names(
        filterPaths(indexed, { ...query, lifecycle: ['beta', 'deprecated'] }),
      ),
    ).toEqual(['node-http-service-legacy']);
    expect(
      names(
        filterPaths(indexed, { ...query, guarantee: ['sbom', 'autoscaling'] }),
      ),
    ).toEqual(['node-http-service']);
    expect(
      names(
        filterPaths(indexed, {
          ...query,
          owner: ['group:default/data-platform'],
        }),
      ),
    ).toEqual(['python-data-pipeline']);
  });

  it('sorts paths without figures last', () => {
    const withFigures = indexPaths([
      {
        ...items[0],
        summary: summaryOf(nodeHttpService, { adoption: 2, compliant: 2 }),
      },
      {
        ...items[1],
        summary: summaryOf(pythonDataPipeline, { adoption: 9, compliant: 1 }),
      },
      items[2],
    ]);
    expect(names(sortPaths(withFigures, 'adoption'))).toEqual([
      'python-data-pipeline',
      'node-http-service',
      'node-http-service-legacy',
    ]);
    expect(names(sortPaths(withFigures, 'compliance'))).toEqual([
      'node-http-service',
      'python-data-pipeline',
      'node-http-service-legacy',
    ]);
  });

  it('sorts recently updated versions first', () => {
    const dated = indexPaths([
      {
        ...items[0],
        summary: {
          ...summaryOf(nodeHttpService, { adoption: 2, compliant: 2 }),
          versionSince: '2026-10-01T00:00:00.000Z',
        },
      },
      {
        ...items[1],
        summary: {
          ...summaryOf(pythonDataPipeline, { adoption: 9, compliant: 1 }),
          versionSince: '2026-11-20T00:00:00.000Z',
        },
      },
      items[2],
    ]);
    expect(names(sortPaths(dated, 'recent'))).toEqual([
      'python-data-pipeline',
      'node-http-service',
      'node-http-service-legacy',
    ]);
  });

  it('offers the values in use, and the selected ones', () => {
    const query = { ...readQuery(new URLSearchParams()), category: ['ml'] };
    const options = facetOptions(indexed, query);
    expect(options.category).toEqual([
      { value: 'service', label: 'service', count: 2 },
      { value: 'data', label: 'data', count: 1 },
      { value: 'ml', label: 'ml', count: 0 },
    ]);
    expect(options.owner.map(o => o.label)).toEqual([
      'data-platform',
      'platform-team',
    ]);
    expect(options.guarantee[0]).toEqual({
      value: 'owner',
      label: 'Owned',
      count: 3,
    });
  });
});
