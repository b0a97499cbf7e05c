#!/usr/bin/env node
// Opens one advisor connection with a signed ticket and prints what the server sends (for checking a deployment).
//   node probe.js ws://127.0.0.1:PORT/signalling SECRET
'use strict';
const crypto = require('crypto');
const WebSocket = require('ws');
const [url, secret] = process.argv.slice(2);
const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const room = 'probe-' + crypto.randomBytes(6).toString('hex');
const claims = ['vt1', room, 'ADVISOR', 'a1', String(Math.floor(Date.now() / 1000) + 600), 'Advisor'].join('\n');
const ticket = b64url(Buffer.from(claims, 'utf8')) + '.' + b64url(crypto.createHmac('sha256', secret).update(claims, 'utf8').digest());
const ws = new WebSocket(`${url}/rooms/${room}?ticket=${ticket}`, { perMessageDeflate: false });
ws.on('message', (m) => console.log('frame', m.toString()));
ws.on('unexpected-response', (req, res) => { console.log('HTTP', res.statusCode); process.exit(1); });
ws.on('error', (e) => { console.log('error', e.message); process.exit(1); });
ws.on('close', (code, reason) => { console.log('close', code, reason.toString()); process.exit(0); });
ws.on('open', () => { console.log('open'); ws.send('{"type":"ping"}'); setTimeout(() => ws.close(1000), 1000); });
