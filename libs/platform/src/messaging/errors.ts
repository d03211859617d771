/** An input that will never succeed, however often it is retried: dead-letter it at once. */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }
}

export type FailureKind = 'retryable' | 'terminal';

// PostgreSQL SQLSTATE classes/codes that are worth retrying: serialization and deadlock, lock
// timeouts, connection and resource problems, shutdown.
const RETRYABLE_SQLSTATE = /^(40001|40P01|55P03|57P0[1-3]|08...|53...|58...)$/;
const RETRYABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

function codeOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const direct = (e as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  const driver = (e as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof driver === 'string' ? driver : undefined;
}

/**
 * Terminal: validation and contract errors, constraint violations and bad data (SQLSTATE 22xxx, 23xxx).
 * Retryable: infrastructure trouble. Anything unrecognised is retried a bounded number of times,
 * then dead-lettered, so an unexpected bug never stalls a partition.
 */
export function classifyFailure(e: unknown): FailureKind {
  if (e instanceof TerminalError) return 'terminal';
  if (e instanceof Error && (e.name === 'ContractValidationError' || e.name === 'InvalidRuleError' || e instanceof SyntaxError)) return 'terminal';
  const code = codeOf(e);
  if (code !== undefined) {
    if (RETRYABLE_SQLSTATE.test(code) || RETRYABLE_NODE_CODES.has(code)) return 'retryable';
    if (/^(22|23)...$/.test(code)) return 'terminal';
  }
  return 'retryable';
}

export function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
