import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger, type Params } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import { HEADERS } from '@trialmatch/contracts';

/** A correlation id a caller may choose: short, and of characters that cannot carry structure into a log line. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The value if it can serve as a correlation id, else null. */
export const correlationIdOf = (value: unknown): string | null => (typeof value === 'string' && CORRELATION_ID.test(value) ? value : null);

/**
 * An HTTP request's correlation id: the caller's x-correlation-id when it is a usable one, else a new
 * one, which is then set on the request (so handlers that read the header carry the same id into the
 * messages they cause) and, either way, on the response. pino-http logs it as `correlationId`.
 */
export function requestCorrelationId(req: IncomingMessage, res: ServerResponse): string {
  const id = correlationIdOf(req.headers[HEADERS.correlationId]) ?? randomUUID();
  req.headers[HEADERS.correlationId] = id;
  res.setHeader(HEADERS.correlationId, id);
  return id;
}

/**
 * Runs `fn` with every log line written meanwhile (through Nest's Logger or PinoLogger) carrying
 * `fields`, as nestjs-pino does for the lines of an HTTP request; used per consumed message, so its
 * log lines carry its correlation id. Without nestjs-pino's logger (not set up yet), just runs `fn`.
 */
export function withLogFields<T>(fields: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const root = PinoLogger.root as PinoLogger['logger'] | undefined;
  if (!root) return fn();
  return storage.run(new Store(root.child(fields)), fn);
}

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
 * removed; URLs are logged as routed, without their query values, so put no identifiers in paths (we use pseudonyms). Each line
 * written while serving a request or handling a consumed message carries its `correlationId`.
 */
/**
 * A request URL as logged: the path and the names of its query parameters, not their values (a free-text purpose or a
 * search typed by a person may name a patient).
 */
export function withoutQueryValues(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => p.split('=')[0]!);
  return `${url.slice(0, q)}?${names.map((n) => `${n}=…`).join('&')}`;
}

export function loggingParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: withoutQueryValues(req.url) }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
      // Every line of a request carries its correlation id (not the whole request, which the completion line has).
      genReqId: requestCorrelationId,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'correlationId' },
    },
  };
}
