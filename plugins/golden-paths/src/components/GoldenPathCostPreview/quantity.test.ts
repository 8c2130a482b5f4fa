import { parseCount, parseCpu, parseMemoryGiB } from './quantity';

// The quantity grammar itself is tested with parseQuantity in
// @golden-paths/golden-paths-common; these are the form's readings of it.
describe('parseCpu and parseMemoryGiB', () => {
  it('reads CPU in cores', () => {
    expect(parseCpu('100m')).toBeCloseTo(0.1);
    expect(parseCpu('4')).toBe(4);
    expect(parseCpu('5e-1')).toBe(0.5);
  });

  it('reads memory in GiB, telling decimal from binary suffixes', () => {
    expect(parseMemoryGiB('1Gi')).toBe(1);
    expect(parseMemoryGiB('512Mi')).toBe(0.5);
    expect(parseMemoryGiB('1G')).toBeCloseTo(0.931323, 6);
    expect(parseMemoryGiB('nonsense')).toBeUndefined();
  });

  it('reads form values given as numbers or with spaces around them', () => {
    expect(parseCpu(3)).toBe(3);
    expect(parseCpu(0.25)).toBe(0.25);
    expect(parseMemoryGiB(' 1Gi ')).toBe(1);
  });

  it.each([[''], ['1 Gi'], [null], [undefined], [Number.NaN], [{}]])(
    'rejects %p',
    input => {
      expect(parseCpu(input)).toBeUndefined();
      expect(parseMemoryGiB(input)).toBeUndefined();
    },
  );

  it('keeps the sign, for the estimate to reject', () => {
    expect(parseCpu('-1')).toBe(-1);
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
