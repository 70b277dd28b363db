// The Step Functions API client: AWS JSON 1.0 on the console's own origin (POST / with X-Amz-Target).
// Requests are signed with SigV4 once credentials have been entered (asl serve asks for them when it is configured to).
import { signRequest } from './sigv4.js';

const CREDENTIALS_KEY = 'asl-console-credentials';

/** Error types that mean "this server wants signed requests" (AWS's names). */
export const AUTH_ERRORS = new Set([
  'MissingAuthenticationTokenException', 'MissingAuthenticationToken', 'UnrecognizedClientException',
  'InvalidSignatureException', 'IncompleteSignatureException', 'IncompleteSignature', 'AccessDeniedException',
  'SignatureDoesNotMatch', 'InvalidClientTokenId', 'ExpiredTokenException',
]);

/** An error answered by the API: its __type and message. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message || type);
    this.type = type;
    this.status = status;
  }

  get isAuth() {
    return AUTH_ERRORS.has(this.type) || this.status === 401 || this.status === 403;
  }
}

export function loadCredentials() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(CREDENTIALS_KEY) ?? 'null');
    return stored && stored.accessKeyId && stored.secretAccessKey ? stored : null;
  } catch {
    return null;
  }
}

export function saveCredentials(credentials) {
  if (credentials) sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify(credentials));
  else sessionStorage.removeItem(CREDENTIALS_KEY);
}

/** Calls one action; resolves with the parsed answer or rejects with an ApiError. */
export async function call(action, request = {}) {
  const body = JSON.stringify(request);
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${action}` };
  const credentials = loadCredentials();
  if (credentials) Object.assign(headers, signRequest({ method: 'POST', host: location.host, path: '/', headers, body }, credentials));
  let response;
  try {
    response = await fetch('/', { method: 'POST', headers, body });
  } catch (error) {
    throw new ApiError('NetworkError', `The server did not answer (${error.message}). Is asl serve still running?`, 0);
  }
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError('InvalidResponse', `The server answered ${response.status} with something that is not JSON.`, response.status);
  }
  if (!response.ok) {
    const type = String(json.__type ?? 'Error').split('#').pop();
    throw new ApiError(type, json.message ?? json.Message ?? `HTTP ${response.status}`, response.status);
  }
  return json;
}
