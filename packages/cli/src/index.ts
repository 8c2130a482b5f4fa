/**
 * The golden-paths command: lint catalog YAML and print JSON Schemas.
 *
 * @packageDocumentation
 */

import { runCli } from './program';

runCli(process.argv).then(
  code => {
    process.exitCode = code;
  },
  error => {
    // Commands report bad input themselves; this is a bug in the CLI.
    process.stderr.write(`golden-paths: internal error: ${error}\n`);
    process.exitCode = 2;
  },
);
