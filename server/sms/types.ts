/** The SMS sender's contract, shared by sender.ts and its drivers. */

/** What a code is for; each maps to a gateway template. Sign-in is the only one so far. */
export type SmsPurpose = 'sign-in';

export interface SmsSender {
  readonly driver: 'log' | 'http';
  /** Resolves once the gateway has accepted the message; rejects with SmsSendError otherwise. */
  send(mobile: string, code: string, purpose: SmsPurpose): Promise<void>;
}

/** The environment describes no usable sender: stops the server at start rather than at the first sign-in. */
export class SmsConfigError extends Error {
  override name = 'SmsConfigError';
}

/** A message was not accepted. Its text names the masked mobile, never the code. */
export class SmsSendError extends Error {
  override name = 'SmsSendError';
}

/** Things a test replaces: where log lines go, the fetch, the clock and the nonce. */
export interface SmsDeps {
  log?: (line: string) => void;
  fetch?: typeof fetch;
  now?: () => number;
  nonce?: () => string;
}
