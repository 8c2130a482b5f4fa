import {
  parseCount,
  parseCpu,
  parseMemoryGiB,
  parseQuantity,
} from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['250m', 0.25],
    ['0.5', 0.5],
    ['2', 2],
    ['1.', 1],
    ['.5', 0.5],
    ['+1', 1],
    ['100n', 100e-9],
    ['100u', 100e-6],
    ['1k', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-1', 0.5],
    [' 1Gi ', 2 ** 30],
    [3, 3],
    [0.25, 0.25],
  ])('reads %p', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected as number, 12);
  });

  it.each([
    [''],
    ['abc'],
    ['1 Gi'],
    ['1gi'],
    ['1GB'],
    ['1mi'],
    ['Gi'],
    ['1..2'],
    ['1e'],
    ['0x10'],
    [null],
    [undefined],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [{}],
  ])('rejects %p', input => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('keeps the sign, for callers to reject', () => {
    expect(parseQuantity('-1')).toBe(-1);
  });
});

describe('parseCpu and parseMemoryGiB', () => {
  it('reads CPU in cores', () => {
    expect(parseCpu('100m')).toBeCloseTo(0.1);
    expect(parseCpu('4')).toBe(4);
  });

  it('reads memory in GiB, telling decimal from binary suffixes', () => {
    expect(parseMemoryGiB('1Gi')).toBe(1);
    expect(parseMemoryGiB('512Mi')).toBe(0.5);
    expect(parseMemoryGiB('1G')).toBeCloseTo(0.931323, 6);
    expect(parseMemoryGiB('nonsense')).toBeUndefined();
  });
});

describe('parseCount', () => {
  it('reads whole, non-negative counts as numbers or digits', () => {
    expect(parseCount(2)).toBe(2);
    expect(parseCount('10')).toBe(10);
    expect(parseCount(0)).toBe(0);
  });

  it.each([[1.5], [-1], ['two'], [''], ['1.5'], [undefined]])(
    'rejects %p',
    input => {
      expect(parseCount(input)).toBeUndefined();
    },
  );
});
