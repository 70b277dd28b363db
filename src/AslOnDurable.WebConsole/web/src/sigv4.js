// AWS Signature Version 4 for the Step Functions API (service "states"), the signing the AWS CLI and SDKs do.
// Pure JavaScript hashing (@noble/hashes), so it also works on plain http, where Web Crypto is unavailable.
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';

const encoder = new TextEncoder();

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Signs a request. request: { method, host, path, headers (lower-case names), body }; credentials:
 * { accessKeyId, secretAccessKey, sessionToken?, region }. Returns the headers to add (x-amz-date, authorization, ...).
 */
export function signRequest(request, credentials, now = new Date(), service = 'states') {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const headers = { ...request.headers, host: request.host, 'x-amz-date': date };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, ' ')]));
  const canonicalHeaders = names.map((n) => `${n}:${lower[n]}\n`).join('');
  const signedHeaders = names.join(';');
  const payloadHash = hex(sha256(encoder.encode(request.body ?? '')));
  const canonicalRequest = [request.method, request.path || '/', request.query ?? '', canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, hex(sha256(encoder.encode(canonicalRequest)))].join('\n');
  let key = hmac(sha256, encoder.encode(`AWS4${credentials.secretAccessKey}`), encoder.encode(day));
  for (const part of [credentials.region, service, 'aws4_request']) key = hmac(sha256, key, encoder.encode(part));
  const signature = hex(hmac(sha256, key, encoder.encode(stringToSign)));
  const added = {
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
  if (credentials.sessionToken) added['x-amz-security-token'] = credentials.sessionToken;
  return added;
}
