/*
 * Backstage validates its kinds with JSON Schemas, but does not publish them:
 * @backstage/catalog-model's package `exports` only exposes `.`, `./alpha`
 * and `./package.json`, and @backstage/plugin-scaffolder-common keeps the
 * Template schema internal. They are in each package's dist as compiled JSON
 * modules, though, so we load those files by absolute path, found from the
 * package's own package.json (which both packages do export). Printing the
 * very schemas the catalog checks with keeps editor errors and catalog errors
 * the same. loadBackstageSchemas.test.ts fails if a release moves the files.
 */
import { dirname, join } from 'node:path';

/** A JSON Schema, as plain data. */
export type JsonSchema = { [key: string]: any };

/** The core kinds of @backstage/catalog-model, with their schemas. */
export const CORE_KINDS = [
  'API',
  'Component',
  'Domain',
  'Group',
  'Location',
  'Resource',
  'System',
  'User',
] as const;

/** One of {@link CORE_KINDS}. */
export type CoreKind = (typeof CORE_KINDS)[number];

/** Backstage's entity schemas, keyed by their `$id`-style names. */
export interface BackstageSchemas {
  /** `$id: Entity`, referenced as `Entity` by every kind. */
  entity: JsonSchema;
  /** `$id: EntityMeta`, referenced as `EntityMeta` by `Entity`. */
  entityMeta: JsonSchema;
  /** `$id: common`, referenced as `common#<name>`. */
  common: JsonSchema;
  kinds: Record<CoreKind, JsonSchema>;
  /** The scaffolder's `Template` kind, `scaffolder.backstage.io/v1beta3`. */
  template: JsonSchema;
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Loads one compiled `*.schema.json.cjs.js` module and returns the schema. */
export function loadCompiledSchema(file: string): JsonSchema {
  // A computed path keeps bundlers from inlining or rewriting the file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file);
  const schema = loaded?.default ?? loaded;
  if (!schema || typeof schema !== 'object' || !schema.$schema) {
    throw new Error(`${file} does not hold a JSON Schema`);
  }
  return schema;
}

/** The absolute paths of the schema files, for the test that guards them. */
export function backstageSchemaFiles() {
  const catalogModel = join(
    packageDir('@backstage/catalog-model'),
    'dist',
    'schema',
  );
  const scaffolderCommon = join(
    packageDir('@backstage/plugin-scaffolder-common'),
    'dist',
  );
  const kinds = {} as Record<CoreKind, string>;
  for (const kind of CORE_KINDS) {
    kinds[kind] = join(
      catalogModel,
      'kinds',
      `${kind}.v1alpha1.schema.json.cjs.js`,
    );
  }
  return {
    entity: join(catalogModel, 'Entity.schema.json.cjs.js'),
    entityMeta: join(catalogModel, 'EntityMeta.schema.json.cjs.js'),
    common: join(catalogModel, 'shared', 'common.schema.json.cjs.js'),
    kinds,
    template: join(scaffolderCommon, 'Template.v1beta3.schema.json.cjs.js'),
  };
}

let cached: BackstageSchemas | undefined;

/** Loads Backstage's entity, core kind and Template schemas. */
export function loadBackstageSchemas(): BackstageSchemas {
  if (!cached) {
    const files = backstageSchemaFiles();
    const kinds = {} as Record<CoreKind, JsonSchema>;
    for (const kind of CORE_KINDS) {
      kinds[kind] = loadCompiledSchema(files.kinds[kind]);
    }
    cached = {
      entity: loadCompiledSchema(files.entity),
      entityMeta: loadCompiledSchema(files.entityMeta),
      common: loadCompiledSchema(files.common),
      kinds,
      template: loadCompiledSchema(files.template),
    };
  }
  return cached;
}
