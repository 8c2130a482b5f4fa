import type { GoldenPathEntityV1alpha1 } from '@golden-paths/golden-paths-common';
import { schemaKeys } from '../GoldenPathEditorPage/yaml/goldenPathSchema';

/**
 * The parts of a GoldenPath the portal shows, read defensively: the editor
 * previews entities that are still being typed, so any field may be missing
 * or of the wrong type.
 */
export interface GoldenPathView {
  namespace: string;
  /** Missing while the YAML has no `metadata.name` yet. */
  name?: string;
  title: string;
  description?: string;
  tags: string[];
  /** `spec.owner` as written. */
  owner?: string;
  lifecycle?: string;
  category?: string;
  version?: string;
  replacedBy?: string;
  templates: string[];
  /** Named keys first (language, runtime, framework...), then the others. */
  stack: Array<{ key: string; value: string }>;
  guarantees: string[];
}

/** The stack's named keys, in the order the kind's schema lists them. */
const STACK_ORDER = schemaKeys(['spec', 'stack']).map(key => key.name);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.trim() ? value : undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}

function texts(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.map(text).filter((v): v is string => v !== undefined);
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stackEntries(value: unknown): GoldenPathView['stack'] {
  const entries = Object.entries(record(value)).flatMap(([key, raw]) => {
    const v = text(raw);
    return v === undefined ? [] : [{ key, value: v }];
  });
  const rank = (key: string) => {
    const i = STACK_ORDER.indexOf(key);
    return i === -1 ? STACK_ORDER.length : i;
  };
  // Array.prototype.sort is stable, so the other keys keep their YAML order.
  return entries.sort((a, b) => rank(a.key) - rank(b.key));
}

/** Reads a (possibly partial) GoldenPath entity without throwing. */
export function readGoldenPath(
  entity: GoldenPathEntityV1alpha1 | undefined,
): GoldenPathView {
  const metadata = record(entity?.metadata);
  const spec = record(entity?.spec);
  const name = text(metadata.name);
  return {
    namespace: text(metadata.namespace) ?? 'default',
    name,
    title: text(metadata.title) ?? name ?? 'Untitled golden path',
    description: text(metadata.description),
    tags: texts(metadata.tags),
    owner: text(spec.owner),
    lifecycle: text(spec.lifecycle),
    category: text(spec.category),
    version: text(spec.version),
    replacedBy: text(spec.replacedBy),
    templates: texts(spec.templates),
    stack: stackEntries(spec.stack),
    guarantees: texts(spec.guarantees),
  };
}
