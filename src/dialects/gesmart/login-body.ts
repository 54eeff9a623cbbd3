/**
 * The login body. The seed names `/api/auth/login` but never shows its body; Shelfsync's invented
 * `{"apiKey": "..."}` is kept, and `{"api_key": "..."}` (the snake case of the seed's own
 * `presta_id`, `technical_data`) is read too. Anything else (another shape, not JSON, not
 * `application/json`) is a 400 that names the expected body, so a client guessing the body learns
 * it from the first answer.
 */
import { ApiError } from '../../http/problem';

export const LOGIN_BODY_HINT = 'Send {"apiKey": "<your API key>"} (or {"api_key": "<your API key>"}) as application/json';

export function loginBodyError(): ApiError {
  return new ApiError('bad_request', `Invalid login request: ${LOGIN_BODY_HINT}`, [
    { path: '/apiKey', message: 'Required: the tenant API key, as a non-empty string (api_key is accepted too)' },
  ]);
}

/** The key from a login body: `apiKey`, else `api_key`; both given must agree. */
export function loginKey(body: { apiKey?: string | undefined; api_key?: string | undefined }): string {
  const { apiKey, api_key: snake } = body;
  if (apiKey !== undefined && snake !== undefined && apiKey !== snake) throw loginBodyError();
  const key = apiKey ?? snake;
  if (!key) throw loginBodyError();
  return key;
}
