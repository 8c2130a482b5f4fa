import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { validateGoldenPathEntity } from '@golden-paths/golden-paths-common';
import { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';
import {
  component,
  goldenPath,
  template,
} from './__testUtils__/processorFixtures';

describe('GoldenPathEntitiesProcessor', () => {
  const processor = new GoldenPathEntitiesProcessor();

  it('has a stable name', () => {
    expect(processor.getProcessorName()).toBe('GoldenPathEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it('accepts a valid golden path', async () => {
      await expect(processor.validateEntityKind(goldenPath())).resolves.toBe(
        true,
      );
    });

    it('accepts a deprecated golden path with a replacement', async () => {
      await expect(
        processor.validateEntityKind(
          goldenPath({
            lifecycle: 'deprecated',
            replacedBy: 'goldenpath:default/node-http-service-v2',
          }),
        ),
      ).resolves.toBe(true);
    });

    it('rejects an invalid golden path listing every problem', async () => {
      const entity = goldenPath({
        lifecycle: 'deprecated',
        category: 'spaceship',
        version: 'latest',
        owner: 'component:default/not-a-team',
        guarantees: ['owner', 'teleportation'],
      });
      const error = await processor.validateEntityKind(entity).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const message = (error as Error).message;
      for (const expected of [
        /spec\.replacedBy: spec\.replacedBy is required when spec\.lifecycle is deprecated/,
        /spec\.category: must be one of service, .*; got "spaceship"/,
        /spec\.version: must be a semantic version .*; got "latest"/,
        /spec\.guarantees\[1\]: must be one of owner, .*; got "teleportation"/,
        /spec\.owner: "component:default\/not-a-team" points at a component/,
      ]) {
        expect(message).toMatch(expected);
      }
      const problems = validateGoldenPathEntity(entity);
      expect(problems).toHaveLength(5);
      expect(message).toBe(
        problems.map(p => `${p.field}: ${p.message}`).join('; '),
      );
    });

    it('rejects a golden path whose links would run script in the portal', async () => {
      const entity = goldenPath(
        {},
        {
          links: [
            { title: 'Docs', url: 'https://docs.example.com/' },
            // eslint-disable-next-line no-script-url -- the attack under test
            { title: 'Runbook', url: 'javascript:alert(document.cookie)' },
            { title: 'Support', url: 'mailto:platform@example.com' },
            { title: 'Page', url: ' data:text/html,<script>alert(1)</script>' },
          ],
        },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'metadata.links[1].url: must be an http, https or mailto address; got "javascript:alert(document.cookie)"; metadata.links[3].url: must be an http, https or mailto address',
      );
    });

    it('rejects a golden path without required fields', async () => {
      const entity: Entity = {
        apiVersion: 'golden-paths.dev/v1alpha1',
        kind: 'GoldenPath',
        metadata: { name: 'empty' },
        spec: { extra: true },
      };
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        InputError,
      );
      const message = await processor
        .validateEntityKind(entity)
        .catch(e => (e as Error).message);
      for (const field of [
        'spec.owner',
        'spec.lifecycle',
        'spec.category',
        'spec.version',
        'spec.extra',
      ]) {
        expect(message).toContain(`${field}: `);
      }
    });

    it('rejects a path replaced by itself through a short ref in its namespace', async () => {
      const entity = goldenPath(
        { lifecycle: 'deprecated', replacedBy: 'node-http-service' },
        { namespace: 'payments' },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'spec.replacedBy: a golden path cannot be replaced by itself',
      );
    });

    it('rejects a malformed namespace with an InputError', async () => {
      const entity = goldenPath(
        { lifecycle: 'deprecated', replacedBy: 'node-http-service-v2' },
        { namespace: 5 },
      );
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        InputError,
      );
    });

    it('leaves other kinds to other processors', async () => {
      await expect(processor.validateEntityKind(component())).resolves.toBe(
        false,
      );
      await expect(processor.validateEntityKind(template())).resolves.toBe(
        false,
      );
      await expect(
        processor.validateEntityKind({
          ...goldenPath(),
          apiVersion: 'golden-paths.dev/v2',
        }),
      ).resolves.toBe(false);
    });
  });
});
