import { entityFacts } from './entityFacts';

describe('entityFacts', () => {
  const facts = entityFacts({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'Payments-API',
      uid: 'u-1',
      etag: 'e-1',
      tags: ['Java', 'java', 'kafka'],
      labels: { Tier: 'Gold' },
      annotations: { 'example.com/notes': 'x'.repeat(201) },
      links: [{ url: 'https://example.com', title: 'Docs' }],
    },
    spec: { type: 'service', owner: 'team-b', replicas: 3, public: false },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team-b' },
      { type: 'dependsOn', targetRef: 'component:default/db' },
    ],
  });
  const values = (key: string) =>
    facts.filter(f => f.key === key).map(f => f.value);

  it('keeps keys and values in lower case, as the catalog searches them', () => {
    expect(values('kind')).toEqual(['component']);
    expect(values('metadata.name')).toEqual(['payments-api']);
    expect(values('metadata.labels.tier')).toEqual(['gold']);
    expect(values('spec.replicas')).toEqual(['3']);
    expect(values('spec.public')).toEqual(['false']);
  });

  it('gives the default namespace to an entity without one', () => {
    expect(values('metadata.namespace')).toEqual([null, 'default']);
  });

  it('lists array items under the array and once each as their own key', () => {
    expect(values('metadata.tags')).toEqual(['java', 'kafka']);
    expect(values('metadata.tags.java')).toEqual(['true']);
    expect(values('metadata.links.url')).toEqual(['https://example.com']);
  });

  it('keeps a value too long to index as present without a value', () => {
    expect(values('metadata.annotations.example.com/notes')).toEqual([null]);
  });

  it('keeps ownership among the relations, and the uid but not the etag', () => {
    expect(values('relations.ownedby')).toEqual(['group:default/team-b']);
    expect(facts.some(f => f.key.startsWith('relations.dependson'))).toBe(
      false,
    );
    expect(values('metadata.uid')).toEqual(['u-1']);
    expect(values('metadata.etag')).toEqual([]);
  });
});
