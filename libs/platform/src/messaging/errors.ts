/** An input that will never succeed, however often it is retried: dead-letter it at once. */
export class TerminalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TerminalError';
  }
}

/**
 * terminal: the message itself is bad; dead-letter at once.
 * retryable: may pass on another try; retried a bounded number of times, then dead-lettered.
 * unavailable: a dependency (the database) is down; retried, then handed back to the transport for
 *   redelivery, never dead-lettered: an outage is not the message's fault, and the partition waits.
 */
export type FailureKind = 'retryable' | 'terminal' | 'unavailable';

// PostgreSQL SQLSTATEs: connection exceptions, insufficient resources, operator intervention, system errors.
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[1-3]|58...)$/;
// Serialization failure, deadlock, lock not available: worth another try.
const RETRYABLE_SQLSTATE = /^(40001|40P01|55P03)$/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

function codeOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const direct = (e as { code?: unknown }).code;
  if (typeof direct === 'string') return direct;
  const driver = (e as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof driver === 'string' ? driver : undefined;
}

/**
 * Terminal: validation and contract errors, constraint violations and bad data (SQLSTATE 22xxx, 23xxx).
 * Unavailable: the database cannot be reached. Anything unrecognised is retryable: retried a bounded
 * number of times, then dead-lettered, so an unexpected bug never stalls a partition.
 */
export function classifyFailure(e: unknown): FailureKind {
  if (e instanceof TerminalError) return 'terminal';
  if (e instanceof Error && (e.name === 'ContractValidationError' || e.name === 'InvalidRuleError' || e instanceof SyntaxError)) return 'terminal';
  const code = codeOf(e);
  if (code !== undefined) {
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code)) return 'unavailable';
    if (RETRYABLE_SQLSTATE.test(code)) return 'retryable';
    if (/^(22|23)...$/.test(code)) return 'terminal';
  }
  if (e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message)) return 'unavailable';
  return 'retryable';
}

export function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}
