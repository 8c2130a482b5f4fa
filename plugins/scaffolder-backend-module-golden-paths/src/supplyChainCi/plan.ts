import { InputError } from '@backstage/errors';
import type { Gates, Severity, SupplyChainCiInput } from './schema';
import { LANGUAGE_TOOLCHAINS, SBOM, type Toolchain } from './tools';

/**
 * What either CI system's pipeline is written from: the input, with what
 * follows from it decided once.
 */
export type PipelinePlan = {
  input: SupplyChainCiInput;
  /** The test job's command; no test job without one. */
  testCommand: string | undefined;
  /** The lint job's command; no lint job without one. */
  lintCommand: string | undefined;
  /** The jobs the image build waits for. */
  checkJobs: string[];
  toolchain: Toolchain;
  /** The image's registry host (with its port, if any). */
  registry: string;
  sbom: (typeof SBOM)[keyof typeof SBOM];
  gates: Gates;
};

/** A generated pipeline, before it is rendered as YAML. */
export type Pipeline = {
  document: Record<string, unknown>;
  requiredSecrets: string[];
};

/** Throws an error naming what is missing from a generated pipeline. */
export type Fail = (message: string) => never;

/**
 * One CI system: where its pipeline goes, how it is written, and what is
 * checked in it once written and parsed back.
 */
export type CiSystem = {
  title: string;
  defaultTargetPath: string;
  generate(plan: PipelinePlan): Pipeline;
  validate(pipeline: Record<string, any>, plan: PipelinePlan, fail: Fail): void;
};

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

/** The threshold and every severity above it, most severe first. */
function severitiesFrom(threshold: Severity): Severity[] {
  return SEVERITY_ORDER.slice(0, SEVERITY_ORDER.indexOf(threshold) + 1);
}

/**
 * Decides the commands, jobs and gates of the pipeline; refuses a lint job
 * for a language that has no lint command.
 */
export function planPipeline(input: SupplyChainCiInput): PipelinePlan {
  const toolchain = LANGUAGE_TOOLCHAINS[input.language];
  const testCommand = input.testCommand ?? toolchain.testCommand;
  const lintCommand = input.lint ? toolchain.lintCommand : undefined;
  if (input.lint && lintCommand === undefined) {
    throw new InputError(
      `lint has no command for language ${input.language}; run your linter in testCommand instead`,
    );
  }
  return {
    input,
    testCommand,
    lintCommand,
    checkJobs: [
      ...(testCommand !== undefined ? ['test'] : []),
      ...(lintCommand !== undefined ? ['lint'] : []),
    ],
    toolchain,
    registry: input.image.split('/')[0],
    sbom: SBOM[input.sbomFormat],
    gates: {
      scanner: input.scanner,
      severityThreshold: input.severityThreshold,
      failOnSeverities: severitiesFrom(input.severityThreshold).map(s =>
        s.toUpperCase(),
      ),
      sbomFormat: input.sbomFormat,
      imageSigning: input.sign,
    },
  };
}
