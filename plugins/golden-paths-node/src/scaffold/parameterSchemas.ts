/**
 * A template's parameter JSON Schema, walked to find the schemas that
 * describe one value: every branch that can apply to it (`allOf`, `anyOf`,
 * `oneOf`, `if`/`then`/`else`, schema `dependencies`, `$ref` inside the same
 * page), then the schemas of a property (`properties`, `patternProperties`,
 * `additionalProperties`) or of an array item (`items` in both forms,
 * `prefixItems`, `additionalItems`).
 *
 * What it cannot resolve (a `$ref` to another document or to nothing, a
 * pattern that is not a regular expression) it reports as unknown, so that
 * callers can fail safe.
 */

/** A JSON Schema object; boolean schemas declare nothing and are skipped. */
export type Schema = Record<string, any>;

/** A schema with the page it belongs to, against which `$ref` resolves. */
export interface LocatedSchema<T = unknown> {
  schema: T;
  root: unknown;
}

/** The schemas that apply to one value, and whether any could not be read. */
export interface ApplicableSchemas {
  schemas: LocatedSchema<Schema>[];
  unknown: boolean;
}

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: unknown, key: string): unknown {
  return isSchemaObject(object) && Object.hasOwn(object, key)
    ? object[key]
    : undefined;
}

/** Resolves `#`, `#/definitions/x` and the like inside the same page. */
function resolveRef(ref: unknown, root: unknown): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#')) {
    return undefined;
  }
  let target: unknown = root;
  const pointer = ref.slice(1);
  if (pointer === '') {
    return target;
  }
  if (!pointer.startsWith('/')) {
    return undefined;
  }
  for (const raw of pointer.slice(1).split('/')) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    target = Array.isArray(target) ? target[Number(token)] : own(target, token);
    if (target === undefined) {
      return undefined;
    }
  }
  return target;
}

/**
 * Every schema that applies to a value described by `located`: each one
 * and all its branches, `$ref`s followed.
 */
export function applicableSchemas(located: LocatedSchema[]): ApplicableSchemas {
  const schemas: LocatedSchema<Schema>[] = [];
  const seen = new Set<unknown>();
  let unknown = false;
  const visit = (schema: unknown, root: unknown) => {
    if (!isSchemaObject(schema) || seen.has(schema)) {
      return;
    }
    seen.add(schema);
    schemas.push({ schema, root });
    if (Object.hasOwn(schema, '$ref')) {
      const target = resolveRef(schema.$ref, root);
      if (target === undefined) {
        unknown = true;
      } else {
        visit(target, root);
      }
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = own(schema, key);
      if (Array.isArray(list)) {
        list.forEach(branch => visit(branch, root));
      }
    }
    for (const key of ['if', 'then', 'else']) {
      visit(own(schema, key), root);
    }
    const dependencies = own(schema, 'dependencies');
    if (isSchemaObject(dependencies)) {
      Object.values(dependencies).forEach(d => visit(d, root));
    }
    const dependentSchemas = own(schema, 'dependentSchemas');
    if (isSchemaObject(dependentSchemas)) {
      Object.values(dependentSchemas).forEach(d => visit(d, root));
    }
  };
  for (const { schema, root } of located) {
    visit(schema, root);
  }
  return { schemas, unknown };
}

/** The schemas of the property `key` of an object the schemas describe. */
export function propertySchemas(
  schemas: LocatedSchema<Schema>[],
  key: string,
): { located: LocatedSchema[]; unknown: boolean } {
  const located: LocatedSchema[] = [];
  let unknown = false;
  for (const { schema, root } of schemas) {
    let matched = false;
    const properties = own(schema, 'properties');
    if (isSchemaObject(properties) && Object.hasOwn(properties, key)) {
      located.push({ schema: properties[key], root });
      matched = true;
    }
    const patterns = own(schema, 'patternProperties');
    if (isSchemaObject(patterns)) {
      for (const [pattern, property] of Object.entries(patterns)) {
        let matches: boolean;
        try {
          matches = new RegExp(pattern, 'u').test(key);
        } catch {
          unknown = true;
          continue;
        }
        if (matches) {
          located.push({ schema: property, root });
          matched = true;
        }
      }
    }
    const additional = own(schema, 'additionalProperties');
    if (!matched && isSchemaObject(additional)) {
      located.push({ schema: additional, root });
    }
  }
  return { located, unknown };
}

/** The schemas of the item at `index` of an array the schemas describe. */
export function itemSchemas(
  schemas: LocatedSchema<Schema>[],
  index: number,
): LocatedSchema[] {
  const located: LocatedSchema[] = [];
  for (const { schema, root } of schemas) {
    const prefix = own(schema, 'prefixItems');
    const items = own(schema, 'items');
    let item: unknown = items;
    if (Array.isArray(prefix)) {
      item = index < prefix.length ? prefix[index] : items;
    } else if (Array.isArray(items)) {
      item =
        index < items.length ? items[index] : own(schema, 'additionalItems');
    }
    if (isSchemaObject(item)) {
      located.push({ schema: item, root });
    }
  }
  return located;
}
