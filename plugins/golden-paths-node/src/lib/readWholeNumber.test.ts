import { ConfigReader } from '@backstage/config';
import { readWholeNumber, readWholeNumbers } from './readWholeNumber';

describe('readWholeNumber', () => {
  const config = new ConfigReader({
    limits: { files: 20, zero: 0, half: 1.5, negative: -1 },
  });

  it('reads a whole number, or the default when unset', () => {
    expect(readWholeNumber(config, 'limits.files', 5)).toBe(20);
    expect(readWholeNumber(config, 'limits.unset', 5)).toBe(5);
    expect(readWholeNumber(config, 'limits.zero', 5, 0)).toBe(0);
  });

  it('refuses anything else, naming the key', () => {
    expect(() => readWholeNumber(config, 'limits.zero', 5)).toThrow(
      'limits.zero must be a whole number of at least 1, got 0',
    );
    expect(() => readWholeNumber(config, 'limits.half', 5)).toThrow(
      'limits.half must be a whole number of at least 1, got 1.5',
    );
    expect(() => readWholeNumber(config, 'limits.negative', 5, 0)).toThrow(
      'limits.negative must be a whole number of at least 0, got -1',
    );
  });

  it('reads a section over its defaults', () => {
    expect(
      readWholeNumbers(config, 'limits', { files: 1, folders: 2 }),
    ).toEqual({ files: 20, folders: 2 });
    expect(readWholeNumbers(config, 'nowhere', { files: 1 })).toEqual({
      files: 1,
    });
  });
});
