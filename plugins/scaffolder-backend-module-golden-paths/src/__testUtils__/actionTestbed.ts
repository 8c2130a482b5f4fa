import { createMockDirectory } from '@backstage/backend-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { actionContext, outputsOf, type ContextOf } from './actionContext';
import { readYamlFile } from './yamlFile';

/**
 * An action that writes into its workspace, over a mock directory whose
 * `workspace` and `outside` folders are empty before each test; call it in
 * a describe block. `context` runs in that workspace, `execute` runs the
 * handler and collects what it output, `readYaml` reads back a YAML file it
 * wrote (one document, no errors).
 */
export function actionTestbed<A extends TemplateAction<any, any, any>>(
  action: A,
) {
  const mockDir = createMockDirectory();
  const workspacePath = mockDir.resolve('workspace');

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: {} });
  });

  function context(
    input: Record<string, unknown>,
    extra?: Partial<ContextOf<A>>,
  ): ContextOf<A> {
    return actionContext(action, input, {
      workspacePath,
      ...extra,
    } as Partial<ContextOf<A>>);
  }

  async function execute(
    input: Record<string, unknown>,
    extra?: Partial<ContextOf<A>>,
  ) {
    const ctx = context(input, extra);
    await action.handler(ctx);
    return { ctx, outputs: outputsOf(ctx) as Record<string, any> };
  }

  function readYaml(workspaceFile: string) {
    return readYamlFile(mockDir.resolve('workspace', workspaceFile));
  }

  return { mockDir, workspacePath, action, context, execute, readYaml };
}
