import { Command, CommanderError, Option } from 'commander';
import { version } from '../package.json';
import { CommandIo, EXIT_OK, EXIT_USAGE, processIo } from './commands/io';

/**
 * Loads a command module on demand, so `--help` and `--version` do not pay
 * for the validators. When bin/ runs the TypeScript sources, `import()` goes
 * through Node's ESM loader, which hands a CommonJS module over with its
 * exports on `default`; built and under Jest, the exports are on the module.
 * Command modules therefore have no default export of their own.
 */
async function loadCommand<T extends object>(
  load: () => Promise<T>,
): Promise<T> {
  const loaded = await load();
  return (loaded as { default?: T }).default ?? loaded;
}

/**
 * Builds the `golden-paths` program. Actions record their exit code through
 * `setExitCode` instead of calling `process.exit`, so output is flushed and
 * the program can be run in-process.
 */
export function createProgram(
  io: CommandIo,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command()
    .name('golden-paths')
    .description(
      'Lint Backstage catalog YAML (GoldenPath, Template and the core kinds) and print JSON Schemas for editors.',
    )
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout(text),
      writeErr: text => io.stderr(text),
    })
    .showHelpAfterError('(run golden-paths --help for usage)');

  program
    .command('lint')
    .description(
      'Check catalog YAML files. Directories are searched for *.yaml and *.yml files (skipping node_modules, template skeletons and dot folders); globs are expanded. In the files a directory or glob finds, documents whose apiVersion is not backstage.io or golden-paths.dev (Kubernetes manifests, Kustomize files) are not catalog entities and are skipped, unless --allow-kind names their kind; files named directly and catalog-info.yaml are always linted in full.',
    )
    .argument('<paths...>', 'files, directories or globs')
    .option(
      '--allow-kind <kind...>',
      'accept entities of these kinds without a validator of their own (only the envelope and metadata are checked)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .action(async (paths: string[], options) => {
      // Loaded on demand: the lint command pulls in the validators, which the
      // other commands do not need.
      const { lint } = await loadCommand(() => import('./commands/lint'));
      setExitCode(await lint(paths, options, io));
    });

  program
    .command('schema')
    .description(
      'Print a JSON Schema (draft-07) for editors such as yaml-language-server.',
    )
    .addOption(
      new Option('--kind <kind>', 'which kind the schema describes')
        .choices(['GoldenPath', 'Template', 'all'])
        .default('all'),
    )
    .action(async options => {
      const { schema } = await loadCommand(() => import('./commands/schema'));
      setExitCode(await schema(options, io));
    });

  return program;
}

/**
 * Runs the program with `argv` (as in `process.argv`) and resolves to the
 * exit code: 0 clean, 1 problems found, 2 usage error.
 */
export async function runCli(
  argv: string[],
  io: CommandIo = processIo(),
): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram(io, code => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help/version).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
