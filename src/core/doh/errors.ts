/**
 * Transport failures as data. Every way a DNS-over-HTTPS question can fail to
 * get an answer ends in a DohError with a stable `code` (see DOH_ERROR_CODES in
 * ./types.ts); views pick their message by code, never by parsing `message`.
 * A DohError never means "the record is missing": that is an answer.
 */
import type { DohErrorCode } from './types';

export interface DohErrorOptions {
  /** Id of the resolver that failed, when one was asked. */
  readonly resolverId?: string | undefined;
  /** HTTP status, for `http-status`. */
  readonly status?: number | undefined;
  readonly cause?: unknown;
}

export interface DohErrorJson {
  readonly name: 'DohError';
  readonly code: DohErrorCode;
  readonly message: string;
  readonly resolverId?: string;
  readonly status?: number;
}

export class DohError extends Error {
  override readonly name = 'DohError';
  readonly code: DohErrorCode;
  readonly resolverId?: string;
  readonly status?: number;

  constructor(code: DohErrorCode, message: string, options: DohErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.resolverId !== undefined) this.resolverId = options.resolverId;
    if (options.status !== undefined) this.status = options.status;
  }

  /** Plain data for logs and test reports (no stack, no cause). */
  toJSON(): DohErrorJson {
    return {
      name: 'DohError',
      code: this.code,
      message: this.message,
      ...(this.resolverId === undefined ? {} : { resolverId: this.resolverId }),
      ...(this.status === undefined ? {} : { status: this.status }),
    };
  }
}

export function isDohError(value: unknown): value is DohError {
  return value instanceof DohError;
}
