import type { GoldenPathCheck } from '@golden-paths/golden-paths-node';
import { CheckResultSets } from './CheckResultSets';

const checks = ['owner', 'ci'].map(
  (id): GoldenPathCheck => ({
    id,
    title: id.toUpperCase(),
    description: id,
    evaluate: () => ({ status: 'pass', reason: 'unused' }),
  }),
);

describe('CheckResultSets', () => {
  it('gives the same verdicts the same results and set, and different ones their own', () => {
    const sets = new CheckResultSets(checks);
    const pass = sets.result(0, { status: 'pass', reason: 'owned' });
    const failWithFix = sets.result(1, {
      status: 'fail',
      reason: 'no CI',
      fix: 'Add CI.',
    });

    expect(sets.result(0, { status: 'pass', reason: 'owned' })).toBe(pass);
    expect(sets.result(0, { status: 'fail', reason: 'owned' })).not.toBe(pass);
    expect(failWithFix).toEqual({
      id: 'ci',
      title: 'CI',
      status: 'fail',
      reason: 'no CI',
      fix: 'Add CI.',
    });
    expect(sets.result(1, { status: 'fail', reason: 'no CI' })).toEqual({
      id: 'ci',
      title: 'CI',
      status: 'fail',
      reason: 'no CI',
    });

    const set = sets.setOf([pass, failWithFix]);
    expect(sets.setOf([pass, failWithFix])).toBe(set);
    expect(set).toEqual({ checks: [pass, failWithFix], compliant: false });
    const passing = sets.result(1, { status: 'pass', reason: 'CI found' });
    expect(sets.setOf([pass, passing])).toEqual({
      checks: [pass, passing],
      compliant: true,
    });
  });

  it('keeps a set apart from the array it was made from, which the caller reuses', () => {
    const sets = new CheckResultSets(checks);
    const scratch = [
      sets.result(0, { status: 'pass', reason: 'owned' }),
      sets.result(1, { status: 'pass', reason: 'CI found' }),
    ];
    const set = sets.setOf(scratch);
    scratch[1] = sets.result(1, { status: 'fail', reason: 'no CI' });

    expect(set.checks[1].status).toBe('pass');
    expect(sets.setOf(scratch).compliant).toBe(false);
  });

  it('answers correctly beyond what it remembers, when every follower has its own reason', () => {
    const sets = new CheckResultSets(checks);
    for (let i = 0; i < 3000; i++) {
      const results = [
        sets.result(0, { status: 'pass', reason: 'owned' }),
        sets.result(1, { status: 'fail', reason: `repository ${i} unread` }),
      ];
      const set = sets.setOf(results);
      expect(set.checks[1].reason).toBe(`repository ${i} unread`);
      expect(set.compliant).toBe(false);
    }
  });
});
