// SigV4 signing checked against AWS's published test suite (aws-sig-v4-test-suite, "get-vanilla").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signRequest } from '../src/sigv4.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };

test('get-vanilla: the signature AWS publishes', () => {
  const headers = signRequest({ method: 'GET', host: 'example.amazonaws.com', path: '/', headers: {}, body: '' },
    credentials, new Date(Date.UTC(2015, 7, 30, 12, 36, 0)), 'service');
  assert.equal(headers['x-amz-date'], '20150830T123600Z');
  assert.equal(headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, '
    + 'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
});

test('an API call signs its target, content type and body, and carries a session token', () => {
  const request = { method: 'POST', host: '127.0.0.1:8083', path: '/', body: '{}',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' } };
  const headers = signRequest(request, { ...credentials, sessionToken: 'token' }, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
  assert.match(headers.authorization, /Credential=AKIDEXAMPLE\/20260102\/us-east-1\/states\/aws4_request/);
  assert.match(headers.authorization, /SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,/);
  assert.equal(headers['x-amz-security-token'], 'token');
  const other = signRequest({ ...request, body: '{"a":1}' }, credentials, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));
  assert.notEqual(other.authorization, signRequest(request, credentials, new Date(Date.UTC(2026, 0, 2, 3, 4, 5))).authorization);
});
