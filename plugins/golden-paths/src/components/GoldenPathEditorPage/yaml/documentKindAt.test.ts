import { documentKindAt } from './documentKindAt';

describe('documentKindAt', () => {
  it('reads the kind of the document at the offset', () => {
    const text = 'kind: GoldenPath\nspec: {}\n---\nkind: Template\nspec: {}\n';
    expect(documentKindAt(text, 5)).toBe('GoldenPath');
    expect(documentKindAt(text, text.length)).toBe('Template');
    expect(documentKindAt('metadata: {}\n', 3)).toBeUndefined();
  });
});
