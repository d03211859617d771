import { BadRequestException, ValidationPipe, type PipeTransform, type ValidationError } from '@nestjs/common';

export interface FieldError {
  pointer: string;
  message: string;
}

/** class-validator errors as JSON pointers with reasons ("/sites/0: must be a string"). */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const pointer = `${prefix}/${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => ({ pointer, message: m === `property ${e.property} should not exist` ? 'is not a known field' : m.startsWith(`${e.property} `) ? m.slice(e.property.length + 1) : m }));
    return [...own, ...fieldErrors(e.children ?? [], pointer)];
  });
}

/**
 * The global pipe for DTO-typed bodies and queries: unknown fields are rejected (not silently
 * dropped), every problem answered as 400 { message, errors: [{ pointer, message }] }.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException({ message: 'invalid request', errors: fieldErrors(errors) }),
  });
}

/** A positive 32-bit integer path parameter (a version): anything else is a 400 naming the parameter, never a database error. */
export class VersionPipe implements PipeTransform<string, number> {
  constructor(private readonly name = 'version') {}

  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 2147483647) throw new BadRequestException({ message: 'invalid request', errors: [{ pointer: `:${this.name}`, message: 'must be a whole number from 1' }] });
    return n;
  }
}

/**
 * A `limit` query parameter: absent, the default; otherwise a whole number from 1 to `max`, else a 400 naming
 * `?limit` (never silently clamped: a caller asking for 5,000 rows must know it gets fewer).
 */
export class LimitPipe implements PipeTransform<string | undefined, number> {
  constructor(
    private readonly fallback: number,
    private readonly max: number,
  ) {}

  transform(value: string | undefined): number {
    if (value === undefined || value === '') return this.fallback;
    const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > this.max) throw new BadRequestException({ message: 'invalid request', errors: [{ pointer: '?limit', message: `must be a whole number from 1 to ${this.max}` }] });
    return n;
  }
}
