import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldError {
  pointer: string;
  message: string;
}

/** class-validator errors as JSON pointers with reasons ("/sites/0: must be a string"). */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const pointer = `${prefix}/${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => ({ pointer, message: m.replace(/^property \S+ should not exist$/, 'is not a known field').replace(new RegExp(`^${e.property} `), '') }));
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
