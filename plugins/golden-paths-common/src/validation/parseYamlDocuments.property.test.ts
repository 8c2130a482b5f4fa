import fc from 'fast-check';
import { parseYamlDocuments } from './parseYamlDocuments';
import { hostileYaml } from './__testUtils__/yamlArbitraries';

jest.setTimeout(300_000);

/**
 * The reader's own 1 s clock, plus the composition of the document it was
 * in when the clock ran out, on a busy machine.
 */
const BUDGET_MS = 3_000;

/*
 * Any text, up to the size limit, comes back as problems or values within a
 * fixed time, and never as an exception. A fixed seed and a bounded number
 * of cases here; `npm run fuzz` runs the same property for longer.
 */
describe('parseYamlDocuments on any input', () => {
  it('returns problems or plain values in bounded time, never throws', () => {
    fc.assert(
      fc.property(hostileYaml(256 * 1024), text => {
        const started = Date.now();
        const file = parseYamlDocuments(text);
        const ms = Date.now() - started;
        expect(ms).toBeLessThan(BUDGET_MS);
        const problems = [
          ...file.problems,
          ...file.documents.flatMap(d => d.problems),
        ];
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message).not.toBe('');
        }
        // Values are plain trees: no cycles, no shared prototypes.
        for (const document of file.documents) {
          expect(() => JSON.stringify(document.value)).not.toThrow();
          expect(document.locate(['metadata', 'name']).line).toBeGreaterThan(0);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
