import { Text } from '@codemirror/state';
import type { YamlProblem } from '@golden-paths/golden-paths-common';
import { STARTER_YAML } from '../starterYaml';
import { createYamlLint, problemsToDiagnostics } from './yamlLinter';

describe('createYamlLint', () => {
  it('checks with the shared validator: the starter is valid', async () => {
    await expect(createYamlLint()(STARTER_YAML)).resolves.toEqual([]);
  });

  it('finds an invalid lifecycle with its line and field', async () => {
    const text = STARTER_YAML.replace(
      'lifecycle: supported',
      'lifecycle: stable',
    );
    const problems = await createYamlLint()(text);
    const line =
      text.split('\n').findIndex(l => l.includes('lifecycle: stable')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.lifecycle',
        line,
        column: 14,
        severity: 'error',
      }),
    ]);
  });

  it('checks each text once', async () => {
    const lint = jest.fn(async () => []);
    const cached = createYamlLint(lint);
    await cached('a: 1');
    await cached('a: 1');
    expect(lint).toHaveBeenCalledTimes(1);
    await cached('a: 2');
    expect(lint).toHaveBeenCalledTimes(2);
  });

  it('turns a failing check into a problem', async () => {
    const cached = createYamlLint(async () => {
      throw new Error('boom');
    });
    await expect(cached('a: 1')).resolves.toEqual([
      expect.objectContaining({
        message: 'the YAML could not be checked: boom',
        line: 1,
      }),
    ]);
  });
});

describe('problemsToDiagnostics', () => {
  it('places problems in the document with their field', () => {
    const doc = Text.of(['spec:', '  lifecycle: stable']);
    const problem: YamlProblem = {
      message: 'must be one of supported, beta, deprecated',
      field: 'spec.lifecycle',
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 20,
      severity: 'error',
    };
    const [diagnostic] = problemsToDiagnostics(doc, [problem]);
    expect(diagnostic).toMatchObject({
      severity: 'error',
      message: 'must be one of supported, beta, deprecated (spec.lifecycle)',
    });
    expect(doc.sliceString(diagnostic.from, diagnostic.to)).toBe('stable');
  });

  it('keeps problems from an older text inside the document', () => {
    const doc = Text.of(['a: 1']);
    const [diagnostic] = problemsToDiagnostics(doc, [
      {
        message: 'gone',
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 8,
        severity: 'warning',
      },
    ]);
    expect(diagnostic).toMatchObject({ from: 4, to: 4, severity: 'warning' });
  });
});
