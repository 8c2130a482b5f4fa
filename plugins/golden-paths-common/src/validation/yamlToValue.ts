import {
  type Document,
  type Node as YamlNode,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
} from 'yaml';

/** Why a document's values could not be built, and where. */
export class YamlValueError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'YamlValueError';
  }
}

/** What one file may still spend; shared by all its documents. */
export interface YamlBudget {
  nodesLeft: number;
  deadline: number;
  maxNodes: number;
  maxMillis: number;
}

interface Walk {
  budget: YamlBudget;
  maxDepth: number;
  maxAliasCount: number;
  merge: boolean;
  anchors: Map<string, YamlNode>;
  aliases: number;
  /** Inside an alias expansion, anchors are not defined again. */
  expanding: number;
}

const CLOCK_EVERY = 1024;

function offsetOf(node: unknown): number {
  return (node as { range?: [number, number] } | null)?.range?.[0] ?? 0;
}

function spend(walk: Walk, node: unknown) {
  const { budget } = walk;
  budget.nodesLeft--;
  if (budget.nodesLeft < 0) {
    throw new YamlValueError(
      `more than ${budget.maxNodes} keys and values (aliases counted each time they are used); the file is too big to read`,
      offsetOf(node),
    );
  }
  if (budget.nodesLeft % CLOCK_EVERY === 0 && Date.now() > budget.deadline) {
    throw new YamlValueError(
      `reading took longer than ${budget.maxMillis} ms; the file is too complex to read`,
      offsetOf(node),
    );
  }
}

function keyText(walk: Walk, key: unknown, depth: number): string {
  if (key === null || key === undefined) {
    return '';
  }
  const scalar = isAlias(key) ? resolveAlias(walk, key) : key;
  if (!isScalar(scalar)) {
    throw new YamlValueError(
      'a map key is itself a map or a list; keys must be plain text',
      offsetOf(key),
    );
  }
  const value = scalar === key ? toValue(walk, key, depth) : scalar.value;
  return value === null || value === undefined ? '' : String(value);
}

function resolveAlias(walk: Walk, alias: YamlNode & { source: string }) {
  walk.aliases++;
  if (walk.aliases > walk.maxAliasCount) {
    throw new YamlValueError(
      `too many alias expansions (more than ${walk.maxAliasCount}); the document looks like an alias bomb`,
      offsetOf(alias),
    );
  }
  const target = walk.anchors.get(alias.source);
  if (!target) {
    throw new YamlValueError(
      `unknown alias *${alias.source}: the anchor must be set before the alias`,
      offsetOf(alias),
    );
  }
  return target;
}

function setKey(object: Record<string, unknown>, key: string, value: unknown) {
  // `__proto__` as data, never as the object's prototype.
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function mergeInto(
  walk: Walk,
  object: Record<string, unknown>,
  source: unknown,
  depth: number,
) {
  const sources = isSeq(source) ? source.items : [source];
  for (const item of sources) {
    const value = toValue(walk, item, depth);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new YamlValueError(
        'a merge key (<<) must name a map or a list of maps',
        offsetOf(item),
      );
    }
    for (const [key, merged] of Object.entries(value)) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) {
        setKey(object, key, merged);
      }
    }
  }
}

function isMergeKey(walk: Walk, key: unknown): boolean {
  return (
    walk.merge &&
    isScalar(key) &&
    key.value === '<<' &&
    (key.type === 'PLAIN' || key.type === undefined)
  );
}

function toValue(walk: Walk, node: unknown, depth: number): unknown {
  if (node === null || node === undefined) {
    return null;
  }
  if (depth > walk.maxDepth) {
    throw new YamlValueError(
      `nesting is deeper than ${walk.maxDepth} levels; catalog files are not this deep`,
      offsetOf(node),
    );
  }
  spend(walk, node);
  if (isAlias(node)) {
    const target = resolveAlias(walk, node);
    walk.expanding++;
    try {
      return toValue(walk, target, depth);
    } finally {
      walk.expanding--;
    }
  }
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor && walk.expanding === 0) {
    walk.anchors.set(anchor, node as YamlNode);
  }
  if (isScalar(node)) {
    return node.value;
  }
  if (isMap(node)) {
    const object: Record<string, unknown> = {};
    const keys = new Set<string>();
    const merges: unknown[] = [];
    for (const pair of node.items) {
      if (isMergeKey(walk, pair.key)) {
        merges.push(pair.value);
        continue;
      }
      const key = keyText(walk, pair.key, depth + 1);
      if (keys.has(key)) {
        throw new YamlValueError(
          `duplicate key "${key}"; each key may appear once in a map`,
          offsetOf(pair.key),
        );
      }
      keys.add(key);
      setKey(object, key, toValue(walk, pair.value, depth + 1));
    }
    for (const source of merges) {
      mergeInto(walk, object, source, depth + 1);
    }
    return object;
  }
  if (isSeq(node)) {
    return node.items.map(item => {
      if (isPair(item)) {
        // `[a: b]`: a one-pair map inside a flow list.
        const object: Record<string, unknown> = {};
        setKey(
          object,
          keyText(walk, item.key, depth + 2),
          toValue(walk, item.value, depth + 2),
        );
        return object;
      }
      return toValue(walk, item, depth + 1);
    });
  }
  throw new YamlValueError('unsupported YAML node', offsetOf(node));
}

/**
 * Builds a document's plain value within the file's budget, in one pass
 * whose cost is linear in the number of keys and values read: keys must
 * be scalars (no stringified map keys), duplicates are found with a set,
 * and aliases are resolved from the anchors seen so far.
 */
export function yamlToValue(
  document: Document,
  options: {
    budget: YamlBudget;
    maxDepth: number;
    maxAliasCount: number;
    merge: boolean;
  },
): unknown {
  const walk: Walk = {
    ...options,
    anchors: new Map(),
    aliases: 0,
    expanding: 0,
  };
  return toValue(walk, document.contents, 0);
}
