import fs from 'node:fs';
import {
  CORE_KINDS,
  backstageSchemaFiles,
  loadBackstageSchemas,
} from './loadBackstageSchemas';

// If this fails after a Backstage upgrade, the schema files moved inside
// @backstage/catalog-model or @backstage/plugin-scaffolder-common; update the
// paths in loadBackstageSchemas.ts (or use an export, if one appeared).
describe('loadBackstageSchemas', () => {
  it('finds every schema file where it expects it', () => {
    const files = backstageSchemaFiles();
    const all = [
      files.entity,
      files.entityMeta,
      files.common,
      files.template,
      ...Object.values(files.kinds),
    ];
    expect(all).toHaveLength(12);
    for (const file of all) {
      if (!fs.existsSync(file)) {
        throw new Error(`Backstage schema file moved or was removed: ${file}`);
      }
    }
  });

  it('loads the schemas Backstage validates with', () => {
    const schemas = loadBackstageSchemas();
    expect(schemas.entity.$id).toBe('Entity');
    expect(schemas.entityMeta.$id).toBe('EntityMeta');
    expect(schemas.common.$id).toBe('common');
    expect(Object.keys(schemas.common.definitions)).toEqual(
      expect.arrayContaining(['reference', 'relation', 'status']),
    );
    for (const kind of CORE_KINDS) {
      // API's is `ApiV1alpha1`.
      expect(schemas.kinds[kind].$id.toLowerCase()).toBe(
        `${kind}V1alpha1`.toLowerCase(),
      );
    }
    expect(schemas.template.$id).toBe('TemplateV1beta3');
    expect(JSON.stringify(schemas.template)).toContain(
      'scaffolder.backstage.io/v1beta3',
    );
  });
});
