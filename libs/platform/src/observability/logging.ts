import type { Params } from 'nestjs-pino';

/**
 * Never logged, wherever they turn up in a log object (defence in depth: no code logs them on purpose):
 * credentials, and the identifying fields of patient events and FHIR resources.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['patientId', 'mrn', 'birthDate', 'name', 'identifier', 'telecom', 'address'].flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/**
 * Structured JSON logs. Request bodies are never logged (they carry patient data); auth headers are
 * removed; URLs are logged as routed, so put no identifiers in paths (we use pseudonyms).
 */
export function loggingParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
    },
  };
}
