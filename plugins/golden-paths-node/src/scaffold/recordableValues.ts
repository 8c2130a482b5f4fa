import type { JsonObject, JsonValue } from '@backstage/types';
import {
  applicableSchemas,
  itemSchemas,
  propertySchemas,
  type LocatedSchema,
  type Schema,
} from './parameterSchemas';

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

/** Deeper than this, a value is not recorded (recursive schemas). */
const MAX_DEPTH = 64;

function isSecret(property: Schema): boolean {
  return (
    property['ui:field'] === 'Secret' ||
    property.format === 'password' ||
    property['ui:widget'] === 'password' ||
    property[RECORD_OPT_OUT_KEY] === false
  );
}

function pagesOf(parameters: unknown): LocatedSchema[] {
  return ([] as unknown[])
    .concat(parameters ?? [])
    .map(page => ({ schema: page, root: page }));
}

/**
 * The value as it may be recorded, or `undefined` when it may not: its
 * schema says secret, or nothing declares it, or its schema cannot be
 * resolved. An array loses nothing but a whole: when one item may not be
 * recorded, none is (the positions would shift).
 */
function recordable(
  value: JsonValue,
  located: LocatedSchema[],
  depth: number,
): JsonValue | undefined {
  const { schemas, unknown } = applicableSchemas(located);
  if (
    unknown ||
    schemas.length === 0 ||
    depth > MAX_DEPTH ||
    schemas.some(({ schema }) => isSecret(schema))
  ) {
    return undefined;
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [index, item] of value.entries()) {
      const kept = recordable(item, itemSchemas(schemas, index), depth + 1);
      if (kept === undefined) {
        return undefined;
      }
      items.push(kept);
    }
    return items;
  }
  if (value && typeof value === 'object') {
    const entries: Array<[string, JsonValue]> = [];
    for (const [key, item] of Object.entries(value)) {
      const property = propertySchemas(schemas, key);
      const kept =
        property.unknown || item === undefined
          ? undefined
          : recordable(item, property.located, depth + 1);
      if (kept !== undefined) {
        entries.push([key, kept]);
      }
    }
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * The form's values that may be stored: only what the template's parameter
 * schema declares (an undeclared key could be anything), and never a value
 * whose schema is marked secret: `ui:field: Secret`, `format: password`,
 * `ui:widget: password` or `ui:goldenPathsRecord: false`. The whole schema
 * is walked: nested `properties`, array `items` (list and tuple forms),
 * `additionalProperties`, `patternProperties`, schema `dependencies`,
 * `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else` and `$ref` inside the page; a
 * key declared secret in any of them is secret. What the walk cannot
 * resolve is not recorded.
 *
 * @public
 */
export function recordableValues(
  parameters: unknown,
  values: JsonObject,
): JsonObject {
  const kept = recordable(values, pagesOf(parameters), 0);
  return kept && typeof kept === 'object' && !Array.isArray(kept) ? kept : {};
}

/**
 * The defaults a template's parameters declare, for values an older
 * version's form did not ask for.
 *
 * @public
 */
export function parameterDefaults(parameters: unknown): JsonObject {
  const { schemas } = applicableSchemas(pagesOf(parameters));
  const keys = new Set(
    schemas.flatMap(({ schema }) =>
      schema.properties && typeof schema.properties === 'object'
        ? Object.keys(schema.properties)
        : [],
    ),
  );
  const entries: Array<[string, JsonValue]> = [];
  for (const key of keys) {
    const property = propertySchemas(schemas, key);
    const declared = applicableSchemas(property.located);
    const withDefault = declared.schemas.find(
      ({ schema }) => schema.default !== undefined,
    );
    if (
      withDefault &&
      !property.unknown &&
      !declared.unknown &&
      !declared.schemas.some(({ schema }) => isSecret(schema))
    ) {
      entries.push([key, withDefault.schema.default]);
    }
  }
  return Object.fromEntries(entries);
}
