import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';

/** The repository's example catalog, at its root. */
export const EXAMPLES_DIR = resolvePackagePath(
  '@golden-paths/test-utils',
  '../../examples',
);

export interface ExampleTemplate {
  name: string;
  dir: string;
  entity: any;
}

/** Every golden-path template under examples/templates. */
export function readExampleTemplates(): ExampleTemplate[] {
  const root = join(EXAMPLES_DIR, 'templates');
  return readdirSync(root)
    .filter(name =>
      statSync(join(root, name, 'template.yaml'), { throwIfNoEntry: false }),
    )
    .sort()
    .map(name => {
      const dir = join(root, name);
      return {
        name,
        dir,
        entity: parse(readFileSync(join(dir, 'template.yaml'), 'utf8')),
      };
    });
}

/** The files of a template folder, as the dry-run endpoint takes them. */
export function directoryContents(dir: string) {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile()) {
        files.push({
          path: relative(dir, full),
          base64Content: readFileSync(full).toString('base64'),
        });
      }
    }
  };
  walk(dir);
  return files;
}

const REQUIRED_EXAMPLES: Record<string, unknown> = {
  owner: 'group:default/platform-team',
  costCenter: 'CC-1234',
  description: 'Created by the golden-path template tests.',
  system: 'system:default/payments',
};

/**
 * The values a developer would submit: every default of the form, plus an
 * example for each required field without one.
 */
export function exampleValues(
  template: ExampleTemplate,
  name: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const pages = ([] as any[]).concat(template.entity.spec.parameters ?? []);
  for (const page of pages) {
    for (const [key, property] of Object.entries<any>(page.properties ?? {})) {
      if (property.default !== undefined) {
        values[key] = property.default;
      }
    }
    for (const key of page.required ?? []) {
      if (values[key] !== undefined) {
        continue;
      }
      if (key === 'name') {
        values[key] = name;
      } else if (key in REQUIRED_EXAMPLES) {
        values[key] = REQUIRED_EXAMPLES[key];
      } else if (page.properties?.[key]?.enum) {
        values[key] = page.properties[key].enum[0];
      } else {
        throw new Error(
          `No example value for the required field "${key}" of template ${template.name}`,
        );
      }
    }
  }
  values.name = name;
  return values;
}
