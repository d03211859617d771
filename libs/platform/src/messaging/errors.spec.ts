import { ContractValidationError } from '@trialmatch/contracts';
import { classifyFailure, describeError, TerminalError } from './errors';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const typeormError = (code: string) => Object.assign(new Error('QueryFailedError'), { driverError: { code } });

describe('classifyFailure', () => {
  it.each([
    ['serialization failure', pgError('40001'), 'retryable'],
    ['deadlock', typeormError('40P01'), 'retryable'],
    ['lock not available', pgError('55P03'), 'retryable'],
    ['connection failure', pgError('08006'), 'unavailable'],
    ['too many connections', pgError('53300'), 'unavailable'],
    ['admin shutdown', typeormError('57P01'), 'unavailable'],
    ['connection refused', pgError('ECONNREFUSED'), 'unavailable'],
    ['pool lost its connection', new Error('Connection terminated unexpectedly'), 'unavailable'],
    ['unique violation', typeormError('23505'), 'terminal'],
    ['invalid text representation', pgError('22P02'), 'terminal'],
    ['explicit terminal', new TerminalError('bad'), 'terminal'],
    ['contract violation', new ContractValidationError('t', [{ pointer: '/a', message: 'm' }]), 'terminal'],
    ['JSON syntax', new SyntaxError('Unexpected token'), 'terminal'],
    ['unknown bug: bounded retries then DLQ', new TypeError('x is undefined'), 'retryable'],
  ])('%s is %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('describeError', () => {
  it('names the error and caps its length', () => {
    expect(describeError(new TerminalError('nope'))).toBe('TerminalError: nope');
    expect(describeError(new Error('x'.repeat(5000))).length).toBeLessThanOrEqual(2001 + 'Error: '.length);
    expect(describeError('plain')).toBe('plain');
  });
});
