// Errors a caller may see: a status, a short code and words for people. Anything else
// that goes wrong answers 500 with a generic message; its details go to the log only.

export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {Record<string, string>} [headers]
   */
  constructor(status, code, message, headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const notFound = (what) => new HttpError(404, 'not-found', `${what} not found`);
export const forbidden = (message) => new HttpError(403, 'forbidden', message);
export const unauthorized = (message) => new HttpError(401, 'unauthorized', message);
export const invalid = (message) => new HttpError(422, 'invalid', message);
export const badRequest = (message) => new HttpError(400, 'invalid', message);
export const tooLarge = (message) => new HttpError(413, 'quota', message);

/** The JSON body of an error answer. */
export const errorBody = (code, message) => ({ error: { code, message } });
