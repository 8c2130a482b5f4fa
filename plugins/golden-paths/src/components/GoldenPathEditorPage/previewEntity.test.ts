import { previewEntity, yamlFileName } from './previewEntity';
import { STARTER_YAML } from './starterYaml';

describe('previewEntity', () => {
  it('reads the starter as a GoldenPath', () => {
    const preview = previewEntity(STARTER_YAML);
    expect(preview).toEqual({
      entity: expect.objectContaining({
        kind: 'GoldenPath',
        metadata: expect.objectContaining({
          title: 'Node.js HTTP service on Kubernetes',
        }),
      }),
    });
  });

  it('previews the first of several documents', () => {
    const preview = previewEntity(
      'kind: GoldenPath\nmetadata: { name: a }\n---\nkind: Template\n',
    );
    expect('entity' in preview && preview.entity.metadata.name).toBe('a');
  });

  it('previews incomplete paths', () => {
    expect(previewEntity('kind: GoldenPath\n')).toHaveProperty('entity');
  });

  it('says why there is no preview', () => {
    expect(previewEntity('')).toEqual({
      reason: 'The editor holds no YAML document yet.',
    });
    expect(previewEntity('# only a comment\n')).toHaveProperty('reason');
    expect(previewEntity('kind: [GoldenPath\n')).toEqual({
      reason: expect.stringMatching(/^The first document is not valid YAML: /),
    });
    expect(previewEntity('- a\n- b\n')).toEqual({
      reason: expect.stringMatching(/is not a mapping/),
    });
    expect(previewEntity('metadata: {}\n')).toEqual({
      reason: 'The first document has no kind; add "kind: GoldenPath".',
    });
    expect(previewEntity('kind: Component\n')).toEqual({
      reason:
        'The first document is of kind Component, not GoldenPath; only golden paths have a preview.',
    });
  });
});

describe('yamlFileName', () => {
  it('names the file after the path', () => {
    expect(yamlFileName(STARTER_YAML)).toBe(
      'GoldenPath-node-http-service.yaml',
    );
    expect(yamlFileName('kind: GoldenPath\nmetadata:\n  name: a/b c\n')).toBe(
      'GoldenPath-a-b-c.yaml',
    );
    expect(yamlFileName('kind: Component\n')).toBe('GoldenPath-untitled.yaml');
  });
});
