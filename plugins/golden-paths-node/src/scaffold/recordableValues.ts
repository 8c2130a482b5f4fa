import type { JsonObject, JsonValue } from '@backstage/types';

/**
 * The property key a template sets to `false` on a parameter whose value
 * must never be stored in `.golden-paths/scaffold.yaml` (a `ui:` key, so
 * the scaffolder's form validation ignores it).
 *
 * @public
 */
export const RECORD_OPT_OUT_KEY = 'ui:goldenPathsRecord';

/**
 * The keys every golden-path render adds to the values, which a template's
 * own parameters must not use.
 *
 * @public
 */
export const RESERVED_VALUE_KEYS = ['goldenPath', 'scaffold'] as const;

type Schema = Record<string, any>;

function isSecret(property: Schema): boolean {
  return (
    property['ui:field'] === 'Secret' ||
    property.format === 'password' ||
    property['ui:widget'] === 'password' ||
    property[RECORD_OPT_OUT_KEY] === false
  );
}

/** Every schema that can declare properties at this level. */
function branches(schema: Schema): Schema[] {
  const found: Schema[] = [schema];
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const branch of schema[key] ?? []) {
      found.push(...branches(branch));
    }
  }
  for (const dependency of Object.values<Schema>(schema.dependencies ?? {})) {
    if (dependency && !Array.isArray(dependency)) {
      found.push(...branches(dependency));
    }
  }
  for (const key of ['then', 'else'] as const) {
    if (schema[key]) {
      found.push(...branches(schema[key]));
    }
  }
  return found;
}

/**
 * Properties declared at one level of a schema: secret wins when any
 * declaration of the key says secret.
 */
function declaredProperties(schemas: Schema[]): Map<string, Schema[]> {
  const properties = new Map<string, Schema[]>();
  for (const schema of schemas.flatMap(branches)) {
    for (const [key, property] of Object.entries<Schema>(
      schema.properties ?? {},
    )) {
      properties.set(key, [...(properties.get(key) ?? []), property]);
    }
  }
  return properties;
}

function filterObject(value: JsonObject, schemas: Schema[]): JsonObject {
  const properties = declaredProperties(schemas);
  const kept: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const declarations = properties.get(key);
    if (!declarations || declarations.some(isSecret) || item === undefined) {
      continue;
    }
    kept[key] = filterValue(item, declarations);
  }
  return kept;
}

function filterValue(value: JsonValue, schemas: Schema[]): JsonValue {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const nested = schemas.filter(s => s.properties || s.dependencies);
    return nested.length ? filterObject(value, nested) : value;
  }
  return value;
}

/**
 * The form's values that may be stored: only parameters the template
 * declares (an undeclared key could be anything), and never one marked
 * secret: `ui:field: Secret`, `format: password`, `ui:widget: password` or
 * `ui:goldenPathsRecord: false`, at any depth and in any conditional branch.
 *
 * @public
 */
export function recordableValues(
  parameters: unknown,
  values: JsonObject,
): JsonObject {
  const pages = ([] as Schema[]).concat((parameters as Schema[]) ?? []);
  return filterObject(values, pages);
}

/**
 * The defaults a template's parameters declare, for values an older
 * version's form did not ask for.
 *
 * @public
 */
export function parameterDefaults(parameters: unknown): JsonObject {
  const pages = ([] as Schema[]).concat((parameters as Schema[]) ?? []);
  const defaults: JsonObject = {};
  for (const [key, declarations] of declaredProperties(pages)) {
    const declared = declarations.find(d => d.default !== undefined);
    if (declared && !declarations.some(isSecret)) {
      defaults[key] = declared.default;
    }
  }
  return defaults;
}
