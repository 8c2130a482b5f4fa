import { countOf } from './countOf';

describe('countOf', () => {
  it.each([
    [0, 'file', undefined, '0 files'],
    [1, 'file', undefined, '1 file'],
    [2, 'file', undefined, '2 files'],
    [1, 'follower is', 'followers are', '1 follower is'],
    [3, 'follower is', 'followers are', '3 followers are'],
  ])('counts %d %s', (n, one, many, text) => {
    expect(countOf(n, one, many)).toBe(text);
  });
});
