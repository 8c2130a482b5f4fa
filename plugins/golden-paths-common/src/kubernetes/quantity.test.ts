import { parseQuantity } from './quantity';

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
    ['1Ei', 2 ** 60],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-1', 0.5],
    ['1e+3', 1000],
    [3, 3],
    [0.25, 0.25],
  ])('reads %p', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected as number, 12);
  });

  it.each([
    [''],
    [' 1Gi '],
    ['abc'],
    ['1 Gi'],
    ['1gi'],
    ['1GB'],
    ['1mi'],
    ['1K'],
    ['Gi'],
    ['1..2'],
    ['1e'],
    ['0x10'],
    ['-'],
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
    expect(parseQuantity('-250m')).toBe(-0.25);
  });

  it('reads the same value written two ways as equal numbers', () => {
    expect(parseQuantity('700m')).toBe(parseQuantity('0.7'));
    expect(parseQuantity('1e9')).toBe(parseQuantity('1G'));
    expect(parseQuantity('1500m')).toBe(parseQuantity('1.5'));
    expect(parseQuantity('2048Mi')).toBe(parseQuantity('2Gi'));
  });
});
