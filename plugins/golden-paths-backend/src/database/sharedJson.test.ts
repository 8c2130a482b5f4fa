import { jsonOf, shareValue } from './sharedJson';

describe('shareValue and jsonOf', () => {
  it('serializes a shared value once, and it can no longer change', () => {
    const value = shareValue({ checks: [{ id: 'ci', status: 'pass' }] });
    const first = jsonOf(value);

    expect(first).toBe('{"checks":[{"id":"ci","status":"pass"}]}');
    expect(jsonOf(value)).toBe(first);
    expect(() => {
      (value.checks[0] as { status: string }).status = 'fail';
    }).toThrow(TypeError);
    expect(JSON.parse(jsonOf(value))).toEqual(value);
  });

  it('serializes a value that is not shared each time', () => {
    const value = { status: 'pass' };
    expect(jsonOf(value)).toBe('{"status":"pass"}');
    value.status = 'fail';
    expect(jsonOf(value)).toBe('{"status":"fail"}');
  });
});
