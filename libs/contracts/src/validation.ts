import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { TOPICS, type TopicName } from './topics';
import { patientEventV1Schema } from './patient-events/v1';
import { patientProfileV1Schema } from './patient-profiles/v1';
import { criteriaRuleSchema, trialCriteriaV1Schema } from './trial-criteria/v1';
import { matchResultV1Schema } from './match-results/v1';
import { matchNotificationV1Schema } from './match-notifications/v1';
import { siteDigestV1Schema } from './site-digests/v1';

/** One problem with a message, located by JSON pointer. */
export interface ContractViolation {
  pointer: string;
  message: string;
}

export class ContractValidationError extends Error {
  constructor(
    readonly topic: string,
    readonly violations: ContractViolation[],
  ) {
    super(`${topic}: ${violations.map((v) => `${v.pointer || '/'} ${v.message}`).join('; ')}`);
    this.name = 'ContractValidationError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addFormat('date-or-date-time', {
  type: 'string',
  validate: (s: string) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)),
});

ajv.addSchema(criteriaRuleSchema);

const SCHEMAS: Record<TopicName, object> = {
  [TOPICS.patientEvents]: patientEventV1Schema,
  [TOPICS.patientProfiles]: patientProfileV1Schema,
  [TOPICS.trialCriteria]: trialCriteriaV1Schema,
  [TOPICS.matchResults]: matchResultV1Schema,
  [TOPICS.matchNotifications]: matchNotificationV1Schema,
  [TOPICS.siteDigests]: siteDigestV1Schema,
};

const validators = new Map<string, ValidateFunction>(
  Object.entries(SCHEMAS).map(([topic, schema]) => [topic, ajv.compile(schema)]),
);

function toViolations(errors: ErrorObject[] | null | undefined): ContractViolation[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty?: string }).additionalProperty)}` : '';
    return { pointer: `${e.instancePath}${missing}${extra}`, message: e.message ?? e.keyword };
  });
}

export function schemaFor(topic: TopicName): object {
  return SCHEMAS[topic];
}

/** Returns the violations of `value` against the topic's schema (empty when valid). */
export function checkMessage(topic: string, value: unknown): ContractViolation[] {
  const validate = validators.get(topic);
  if (!validate) return [{ pointer: '', message: `no schema for topic ${topic}` }];
  return validate(value) ? [] : toViolations(validate.errors);
}

/** Validates and narrows, throwing ContractValidationError with JSON-pointer-located reasons. */
export function assertMessage<T>(topic: string, value: unknown): T {
  const violations = checkMessage(topic, value);
  if (violations.length > 0) throw new ContractValidationError(topic, violations);
  return value as T;
}
