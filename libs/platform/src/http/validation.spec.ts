import { BadRequestException } from '@nestjs/common';
import { LimitPipe } from './validation';

describe('LimitPipe', () => {
  const pipe = new LimitPipe(100, 1000);

  it('gives the default when absent and the number when within 1 to the maximum', () => {
    expect(pipe.transform(undefined)).toBe(100);
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform('1000')).toBe(1000);
  });

  it('refuses anything else with a 400 naming ?limit, never clamping it', () => {
    for (const bad of ['0', '-5', '1001', 'abc', '2.5', '1e3', ' 5']) {
      let thrown: unknown;
      try {
        pipe.transform(bad);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(BadRequestException);
      expect((thrown as BadRequestException).getResponse()).toEqual({ message: 'invalid request', errors: [{ pointer: '?limit', message: 'must be a whole number from 1 to 1000' }] });
    }
  });
});
