// The API client's settings and requests: which endpoint a page names, and how each host's authentication is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiSettings, buildRequest, FUNCTION_KEY_AUTH, SIGV4 } from '../src/api.js';

/** A stand-in for a document holding <meta name="asl-api" content=... data-auth=...> (or none). */
function page(content, auth) {
  const meta = content === undefined ? null : { getAttribute: () => content, dataset: { auth } };
  return { querySelector: (selector) => (selector === 'meta[name="asl-api"]' ? meta : null) };
}

test('asl serve: the API on the page\'s origin at /, SigV4', () => {
  assert.deepEqual(apiSettings(page('/', 'sigv4'), 'http://127.0.0.1:8083/'), { endpoint: 'http://127.0.0.1:8083/', auth: SIGV4 });
});

test('a page that names nothing gets asl serve\'s defaults', () => {
  assert.deepEqual(apiSettings(page(undefined), 'http://127.0.0.1:8083/#/state-machine/x'), { endpoint: 'http://127.0.0.1:8083/', auth: SIGV4 });
});

test('the Functions app: the API function beside the console page, function key', () => {
  const settings = apiSettings(page('../stepfunctions', 'function-key'), 'https://app.azurewebsites.net/api/console/#/');
  assert.deepEqual(settings, { endpoint: 'https://app.azurewebsites.net/api/stepfunctions', auth: FUNCTION_KEY_AUTH });
  // Under another route prefix the relative endpoint follows the page.
  assert.equal(apiSettings(page('../stepfunctions', 'function-key'), 'http://localhost:7071/x/console/').endpoint, 'http://localhost:7071/x/stepfunctions');
});

test('a function key goes in x-functions-key, never a signature', () => {
  const api = { endpoint: 'https://app.azurewebsites.net/api/stepfunctions', auth: FUNCTION_KEY_AUTH };
  const { url, init } = buildRequest('ListStateMachines', { maxResults: 50 }, { ...api, functionKey: 'k3y', credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  assert.equal(url, 'https://app.azurewebsites.net/api/stepfunctions');
  assert.equal(init.method, 'POST');
  assert.equal(init.body, '{"maxResults":50}');
  assert.equal(init.headers['x-functions-key'], 'k3y');
  assert.equal(init.headers['x-amz-target'], 'AWSStepFunctions.ListStateMachines');
  assert.equal(init.headers.authorization, undefined);
  const none = buildRequest('ListStateMachines', {}, api);
  assert.equal(none.init.headers['x-functions-key'], undefined);
});

test('SigV4 signs the endpoint\'s host and path; no credentials, no signature', () => {
  const credentials = { accessKeyId: 'AKIDCONSOLE', secretAccessKey: 'secret', region: 'us-east-1' };
  const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
  const root = buildRequest('ListStateMachines', {}, { endpoint: 'http://127.0.0.1:8083/', auth: SIGV4, credentials, now });
  const nested = buildRequest('ListStateMachines', {}, { endpoint: 'http://127.0.0.1:8083/api/stepfunctions', auth: SIGV4, credentials, now });
  assert.match(root.init.headers.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDCONSOLE\/20260102\/us-east-1\/states\/aws4_request/);
  assert.notEqual(root.init.headers.authorization, nested.init.headers.authorization);
  assert.equal(root.init.headers['x-functions-key'], undefined);
  assert.equal(buildRequest('ListStateMachines', {}, { endpoint: 'http://127.0.0.1:8083/', auth: SIGV4 }).init.headers.authorization, undefined);
});
