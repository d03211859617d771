import { allowedNext, checkTransition, SCREENING_STATUSES } from './screening';

describe('screening workflow', () => {
  it('walks new → reviewing → contacted → enrolled, and back from contacted to reviewing', () => {
    expect(checkTransition('new', 'reviewing', undefined)).toBeNull();
    expect(checkTransition('reviewing', 'contacted', undefined)).toBeNull();
    expect(checkTransition('contacted', 'reviewing', undefined)).toBeNull();
    expect(checkTransition('contacted', 'enrolled', undefined)).toBeNull();
  });

  it('rejects illegal transitions with the allowed ones, and nothing leaves a final status', () => {
    expect(checkTransition('new', 'enrolled', undefined)).toEqual({ kind: 'illegal', from: 'new', to: 'enrolled', allowed: ['reviewing', 'declined', 'screen-failed'] });
    expect(checkTransition('reviewing', 'new', undefined)).toMatchObject({ kind: 'illegal', allowed: ['contacted', 'declined', 'screen-failed'] });
    for (const final of ['enrolled', 'declined', 'screen-failed'] as const) {
      expect(allowedNext(final)).toEqual([]);
      for (const to of SCREENING_STATUSES) expect(checkTransition(final, to, undefined)).toMatchObject({ kind: 'illegal', allowed: [] });
    }
    expect(checkTransition('new', 'maybe', undefined)).toMatchObject({ kind: 'invalid', pointer: '/to' });
  });

  it('needs per-criterion reason codes for screen-failed, and only there', () => {
    expect(checkTransition('reviewing', 'screen-failed', undefined)).toMatchObject({ kind: 'invalid', pointer: '/reasons' });
    expect(checkTransition('reviewing', 'screen-failed', [{ criterionId: 'inc-anc', code: 'lab-out-of-range' }])).toBeNull();
    expect(checkTransition('reviewing', 'screen-failed', [{ criterionId: 'inc-anc', code: 'bad-luck' }])).toMatchObject({ pointer: '/reasons/0/code' });
    expect(checkTransition('reviewing', 'screen-failed', [{ code: 'other' }])).toMatchObject({ pointer: '/reasons/0/criterionId' });
    expect(checkTransition('reviewing', 'contacted', [{ criterionId: 'x', code: 'other' }])).toMatchObject({ pointer: '/reasons' });
  });
});
