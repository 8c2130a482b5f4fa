import {
  GOLDEN_PATH_GUARANTEES,
  goldenPathEntityV1alpha1Schema,
} from '@golden-paths/golden-paths-common';
import type { YamlPath } from './yamlCursorContext';

/** The parts of a JSON Schema (draft 7) node that completion reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  required?: string[];
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
}

/** A key a mapping may have. */
export interface SchemaKey {
  name: string;
  description?: string;
  required: boolean;
  /** `object`, `array`, `string`, ... when the schema says. */
  type?: string;
  /** Whether the key's value has a fixed set of values. */
  hasValues: boolean;
}

/** A value a node may have. */
export interface SchemaValue {
  value: string;
  /** Short label shown next to the value, e.g. a guarantee's title. */
  detail?: string;
  description?: string;
  /** `enum` values are the only ones allowed; `example` ones are hints. */
  source: 'enum' | 'example';
}

/** The GoldenPath kind's JSON Schema, as the shared package exports it. */
export const goldenPathSchema =
  goldenPathEntityV1alpha1Schema as JsonSchemaNode;

function typeOf(node: JsonSchemaNode): string | undefined {
  if (Array.isArray(node.type)) {
    return node.type[0];
  }
  if (node.type) {
    return node.type;
  }
  if (node.properties) {
    return 'object';
  }
  return node.items ? 'array' : undefined;
}

/** The schema of the node at a path, when the schema describes it. */
export function schemaAt(
  path: YamlPath,
  root: JsonSchemaNode = goldenPathSchema,
): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) {
      return undefined;
    }
    if (typeof segment === 'number') {
      node = node.items;
    } else if (node.properties?.[segment]) {
      node = node.properties[segment];
    } else if (typeof node.additionalProperties === 'object') {
      node = node.additionalProperties;
    } else {
      return undefined;
    }
  }
  return node;
}

/** The keys the schema names for the mapping at a path, required first. */
export function schemaKeys(
  path: YamlPath,
  root: JsonSchemaNode = goldenPathSchema,
): SchemaKey[] {
  const node = schemaAt(path, root);
  if (!node?.properties) {
    return [];
  }
  const required = new Set(node.required ?? []);
  const keys = Object.entries(node.properties).map(([name, property]) => ({
    name,
    description: property.description,
    required: required.has(name),
    type: typeOf(property),
    hasValues: schemaValues([...path, name], root).length > 0,
  }));
  return [
    ...keys.filter(key => key.required),
    ...keys.filter(key => !key.required),
  ];
}

function guaranteeOf(path: YamlPath, value: string) {
  return path.includes('guarantees')
    ? GOLDEN_PATH_GUARANTEES.find(guarantee => guarantee.id === value)
    : undefined;
}

/**
 * The values the schema allows (enum, const) or suggests (examples) for the
 * node at a path. Guarantee ids come with their titles.
 */
export function schemaValues(
  path: YamlPath,
  root: JsonSchemaNode = goldenPathSchema,
): SchemaValue[] {
  const node = schemaAt(path, root);
  if (!node) {
    return [];
  }
  const allowed = node.enum ?? (node.const !== undefined ? [node.const] : []);
  const values: SchemaValue[] = allowed
    .filter((value): value is string => typeof value === 'string')
    .map(value => {
      const guarantee = guaranteeOf(path, value);
      return {
        value,
        detail: guarantee?.title,
        description: guarantee?.description ?? node.description,
        source: 'enum' as const,
      };
    });
  if (values.length > 0) {
    return values;
  }
  return (node.examples ?? [])
    .filter((value): value is string => typeof value === 'string')
    .map(value => ({
      value,
      detail: 'example',
      description: node.description,
      source: 'example' as const,
    }));
}
