import { createSupplyChainCiAction } from '../actions/supplyChainCi';
import { actionTestbed } from './actionTestbed';

/**
 * The supply-chain CI action over an {@link actionTestbed}; `run` runs it
 * and reads back the pipeline it wrote. Call it in a describe block.
 */
export function supplyChainCiTestbed() {
  const testbed = actionTestbed(createSupplyChainCiAction());

  async function run(
    input: Record<string, unknown>,
    extra?: Parameters<typeof testbed.execute>[1],
  ) {
    const { ctx, outputs } = await testbed.execute(input, extra);
    const { text, value } = await testbed.readYaml(outputs.filePath);
    return { outputs, text, pipeline: value, ctx };
  }

  return { ...testbed, run };
}

/** The step of a GitHub Actions job with this id. */
export function stepById(job: any, id: string) {
  return job.steps.find((s: any) => s.id === id);
}
