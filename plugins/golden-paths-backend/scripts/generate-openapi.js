#!/usr/bin/env node
/* eslint-disable no-restricted-syntax */
// Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml, the
// same shape `backstage-repo-tools package schema openapi generate --server`
// produces, without its Java toolchain. src/schema/openapi.test.ts fails when
// the two files disagree.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const schemaDir = path.resolve(__dirname, '../src/schema');
const spec = YAML.parse(
  fs.readFileSync(path.join(schemaDir, 'openapi.yaml'), 'utf8'),
);

const output = `// This file is generated from openapi.yaml by \`npm run openapi:generate\`.
// Do not edit it by hand.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;

async function main() {
  const prettier = require('prettier');
  const target = path.join(schemaDir, 'openapi.generated.ts');
  const options = (await prettier.resolveConfig(target)) ?? {};
  const formatted = await prettier.format(output, {
    ...options,
    filepath: target,
  });
  fs.writeFileSync(target, formatted);
  process.stdout.write('wrote src/schema/openapi.generated.ts\n');
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
