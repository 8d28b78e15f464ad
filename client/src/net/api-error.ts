import type { ErrorCode } from '@quizbus/shared';

/** One problem with a submitted document, as the server reports it (path into the body). */
export interface ApiIssue {
  path: Array<string | number>;
  message: string;
}

/** An HTTP API error with the server's code and message (and field issues on a 400). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}
