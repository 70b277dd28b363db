// The Step Functions API client: AWS JSON 1.0 (POST with X-Amz-Target) to the endpoint the page names in
// <meta name="asl-api" content="<URL relative to the page>" data-auth="sigv4|function-key">: asl serve's is "/" and
// signs with SigV4 once credentials have been entered (it asks for them when it is configured to); the Functions app's
// is its API function ("../stepfunctions" from /api/console/) and sends the function key as x-functions-key.
import { signRequest } from './sigv4.js';

const CREDENTIALS_KEY = 'asl-console-credentials';
const FUNCTION_KEY = 'asl-console-function-key';

/** Authentication kinds a host can name. */
export const SIGV4 = 'sigv4';
export const FUNCTION_KEY_AUTH = 'function-key';

/** The API settings a page names: { endpoint (absolute URL), auth }; asl serve's defaults when the page names none. */
export function apiSettings(doc, pageUrl) {
  const meta = doc?.querySelector?.('meta[name="asl-api"]');
  const auth = meta?.dataset?.auth === FUNCTION_KEY_AUTH ? FUNCTION_KEY_AUTH : SIGV4;
  return { endpoint: new URL(meta?.getAttribute('content') || '/', pageUrl).href, auth };
}

/**
 * The request for one action: { url, init } for fetch. SigV4 signs the endpoint's host and path when credentials are
 * given; a function key goes in x-functions-key. Nothing is added without them (the server then says what it wants).
 */
export function buildRequest(action, request, { endpoint, auth, credentials, functionKey, now }) {
  const body = JSON.stringify(request);
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${action}` };
  const url = new URL(endpoint);
  if (auth === FUNCTION_KEY_AUTH) {
    if (functionKey) headers['x-functions-key'] = functionKey;
  } else if (credentials) {
    Object.assign(headers, signRequest({ method: 'POST', host: url.host, path: url.pathname, headers, body }, credentials, now));
  }
  return { url: url.href, init: { method: 'POST', headers, body } };
}

let settings;

/** This page's API settings (read once). */
export function currentApi() {
  settings ??= apiSettings(document, location.href);
  return settings;
}

export function loadFunctionKey() {
  return sessionStorage.getItem(FUNCTION_KEY) || null;
}

export function saveFunctionKey(key) {
  if (key) sessionStorage.setItem(FUNCTION_KEY, key);
  else sessionStorage.removeItem(FUNCTION_KEY);
}

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
  const api = currentApi();
  const { url, init } = buildRequest(action, request, { ...api, credentials: loadCredentials(), functionKey: loadFunctionKey() });
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new ApiError('NetworkError', `The server did not answer (${error.message}). Is it still running?`, 0);
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
