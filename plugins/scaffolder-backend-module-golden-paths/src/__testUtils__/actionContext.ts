import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonValue } from '@backstage/types';

/** The context an action's handler takes. */
export type ContextOf<A extends TemplateAction<any, any, any>> = Parameters<
  A['handler']
>[0];

/**
 * The checkpoints of one task, kept as the scaffolder keeps them: a
 * checkpoint that succeeded returns its stored (JSON) value when the task is
 * retried, without running again; one that failed runs again.
 */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue>();

  checkpoint = async <T extends JsonValue | void>(options: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    const stored = this.values.get(options.key);
    if (stored) {
      return JSON.parse(JSON.stringify(stored)) as T;
    }
    const value = await options.fn();
    this.values.set(options.key, JSON.parse(JSON.stringify(value ?? null)));
    return value;
  };
}

/**
 * A mock context to run `action` with `input` as the template
 * `template:default/node-http-service`, with what `options` overrides
 * (workspacePath, isDryRun, logger, a {@link CheckpointStore}'s
 * checkpoint…); without a workspacePath, in a new mock directory.
 */
export function actionContext<A extends TemplateAction<any, any, any>>(
  _action: A,
  input: Record<string, unknown>,
  options: Partial<ContextOf<A>> = {},
): ContextOf<A> {
  const { workspacePath, ...extra } = options;
  return {
    ...createMockActionContext({
      input: input as any,
      workspacePath,
      templateInfo: { entityRef: 'template:default/node-http-service' },
    }),
    ...extra,
  } as unknown as ContextOf<A>;
}

/** What the handler output, by name. */
export function outputsOf(ctx: { output: unknown }): Record<string, unknown> {
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls as Array<[string, unknown]>,
  );
}
