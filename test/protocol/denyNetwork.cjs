// Preloaded with `node --require` in the privacy tests: every way Node code can reach the
// network (TCP, TLS, DNS, HTTP(S), HTTP/2, UDP, fetch, WebSocket) records the attempt in the
// file named by GENAI_NETWORK_LOG and throws. The record survives a product that would catch
// the error and carry on; the test asserts the file stays empty.
'use strict';
const fs = require('node:fs');

const logFile = process.env.GENAI_NETWORK_LOG;

function denied(what) {
  return function () {
    if (logFile) fs.appendFileSync(logFile, `${what}\n`);
    throw new Error(`network access attempted (${what}): production material must never leave the machine`);
  };
}

function deny(target, names, prefix) {
  for (const name of names) if (typeof target[name] === 'function') target[name] = denied(`${prefix}.${name}`);
}

const net = require('node:net');
deny(net.Socket.prototype, ['connect'], 'net.Socket.prototype');
deny(net, ['connect', 'createConnection'], 'net');
deny(require('node:tls'), ['connect'], 'tls');
const dns = require('node:dns');
const dnsCalls = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'reverse'];
deny(dns, dnsCalls, 'dns');
deny(dns.promises, dnsCalls, 'dns.promises');
deny(dns.Resolver.prototype, dnsCalls, 'dns.Resolver.prototype');
deny(require('node:http'), ['request', 'get'], 'http');
deny(require('node:https'), ['request', 'get'], 'https');
deny(require('node:http2'), ['connect'], 'http2');
deny(require('node:dgram').Socket.prototype, ['send', 'connect', 'bind'], 'dgram.Socket.prototype');
globalThis.fetch = denied('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = denied('WebSocket');
