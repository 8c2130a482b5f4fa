import { describe, expect, it } from 'vitest';
import { parseConfig } from './runtimeConfig';

describe('parseConfig', () => {
  it('accepts the file the cluster mounts', () => {
    expect(
      parseConfig({ environment: 'production', apiOrigins: ['https://api.example.com'] }),
    ).toMatchObject({
      environment: 'production',
      apiOrigins: ['https://api.example.com'],
    });
  });

  it('defaults apiOrigins to none', () => {
    expect(parseConfig({ environment: 'local' }).apiOrigins).toEqual([]);
  });

  it('rejects a file without an environment', () => {
    expect(() => parseConfig({ apiOrigins: [] })).toThrow(/environment/);
  });

  it('rejects apiOrigins that are not strings', () => {
    expect(() => parseConfig({ environment: 'local', apiOrigins: [1] })).toThrow(
      /apiOrigins/,
    );
  });
});
