import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  coreKindValidators,
  lintCatalogYaml,
} from '@golden-paths/golden-paths-common';
import { parse } from 'yaml';
import {
  ALL_GUARANTEES,
  goldenPathEntity,
} from '../__testUtils__/goldenPathEntity';
import { outputsOf } from '../__testUtils__/actionContext';
import { createCatalogWriteAction } from './catalogWrite';
import { createPathCheckAction } from './pathCheck';
import { createPublishLocalAction } from './publishLocal';

const mockDir = createMockDirectory();
const workspacePath = mockDir.resolve('workspace');

const paths = ['node-http-service', 'spark-batch-job'].map(name =>
  goldenPathEntity(name, { guarantees: ALL_GUARANTEES }, name),
);

/*
 * The examples of the actions that need no backend, run as they are. The
 * examples of golden-paths:template:render and golden-paths:upgrade run in
 * a real scaffolder (templateRender.test.ts, and the app backend's
 * src/upgrades/upgrade.test.ts); those of the Kubernetes manifests and
 * supply-chain CI actions in supplyChainCiAndManifests.examples.test.ts.
 */
const actions = [
  createCatalogWriteAction(),
  createPathCheckAction({ catalog: catalogServiceMock({ entities: paths }) }),
  createPublishLocalAction({
    config: new ConfigReader({
      goldenPaths: {
        scaffolder: { localPublish: { directory: mockDir.resolve('repos') } },
      },
    }),
  }),
] as unknown as TemplateAction<any, any>[];

/** What each action leaves behind, read back. */
const checkWhatWasWritten: Record<
  string,
  (outputs: Record<string, unknown>) => Promise<void>
> = {
  'golden-paths:catalog:write': async outputs => {
    const text = await fs.readFile(
      mockDir.resolve('workspace', outputs.filePath as string),
      'utf8',
    );
    expect(
      await lintCatalogYaml(text, { validators: coreKindValidators }),
    ).toEqual([]);
  },
  'golden-paths:publish:local': async outputs => {
    await expect(
      fs.stat(`${outputs.repositoryPath}/.git/HEAD`),
    ).resolves.toBeDefined();
  },
};

const cases = actions.flatMap(action =>
  (action.examples ?? []).map(example => {
    const steps: Array<{ action: string; input: JsonObject }> = parse(
      example.example,
    ).steps;
    const step = steps.find(s => s.action === action.id);
    return { action, description: example.description, input: step?.input };
  }),
);

describe('the examples of the Golden Paths actions', () => {
  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': 'placeholder',
        service: { 'index.js': 'console.log("hi");\n' },
      },
    });
  });

  it('every action has examples', () => {
    for (const action of actions) {
      expect(action.examples?.length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map(c => [c.action.id, c.description, c]))(
    '%s: %s',
    async (_id, _description, { action, input }) => {
      expect(input).toBeDefined();
      const ctx = createMockActionContext({
        input,
        workspacePath,
        templateInfo: { entityRef: 'template:default/node-http-service' },
      });
      await action.handler(ctx as any);

      const outputs = outputsOf(ctx);
      expect(Object.keys(outputs).sort()).toEqual(
        Object.keys(action.schema?.output?.properties ?? {}).sort(),
      );
      await checkWhatWasWritten[action.id]?.(outputs);
    },
  );
});
