import { ImportRefusedError } from '../../domain/errors.js';

export type WikidataErrorCode =
  | 'NETWORK_UNAVAILABLE'
  | 'WIKIDATA_TIMEOUT'
  | 'WIKIDATA_RATE_LIMITED'
  | 'WIKIDATA_UNAVAILABLE'
  | 'WIKIDATA_REFUSED'
  | 'WIKIDATA_BAD_RESPONSE';

/**
 * A failure talking to the service, or reading a saved answer: a stable code and one line that
 * says what to do (the CLI prints `CODE: message`); nothing was imported.
 */
export class WikidataError extends ImportRefusedError {
  declare readonly code: WikidataErrorCode;

  constructor(code: WikidataErrorCode, message: string) {
    super(code, message);
  }
}
