import { createMockDirectory } from '@backstage/backend-test-utils';
import { createSupplyChainCiAction } from '../actions/supplyChainCi';
import { actionContext, outputsOf, type ContextOf } from './actionContext';
import { readYamlFile } from './yamlFile';

type Action = ReturnType<typeof createSupplyChainCiAction>;

/**
 * The supply-chain CI action over a mock directory with an empty
 * `workspace` and `outside` before each test; call it in a describe block.
 */
export function supplyChainCiTestbed() {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');
  const action = createSupplyChainCiAction();

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  function context(
    input: Record<string, unknown>,
    extra?: Partial<ContextOf<Action>>,
  ) {
    return actionContext(action, input, { workspacePath, ...extra });
  }

  /** Runs the action; its outputs, and the pipeline it wrote, read back. */
  async function run(
    input: Record<string, unknown>,
    extra?: Partial<ContextOf<Action>>,
  ) {
    const ctx = context(input, extra);
    await action.handler(ctx);
    const outputs = outputsOf(ctx) as Record<string, any>;
    const { text, value } = await readYamlFile(
      mockDir.resolve('workspace', outputs.filePath),
    );
    return { outputs, text, pipeline: value, ctx };
  }

  return { mockDir, action, context, run };
}

/** The step of a GitHub Actions job with this id. */
export function stepById(job: any, id: string) {
  return job.steps.find((s: any) => s.id === id);
}
