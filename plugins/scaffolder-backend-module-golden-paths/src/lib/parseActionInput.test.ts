import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';
import { parseActionInput } from './parseActionInput';

describe('parseActionInput', () => {
  const schema = z.object({
    name: z.string().min(1),
    replicas: z.number().int().default(2),
  });

  it('applies the schema defaults', () => {
    expect(parseActionInput('test:action', schema, { name: 'a' })).toEqual({
      name: 'a',
      replicas: 2,
    });
  });

  it('reports every problem with its field as an InputError', () => {
    let error: unknown;
    try {
      parseActionInput('test:action', schema, { name: '', replicas: 1.5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Invalid input to test:action: name: .+; replicas: .+$/,
    );
  });

  it('names the input itself when it is not an object', () => {
    expect(() => parseActionInput('test:action', schema, 'x')).toThrow(
      /Invalid input to test:action: input: /,
    );
  });
});
