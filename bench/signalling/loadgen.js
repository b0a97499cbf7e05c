#!/usr/bin/env node
// Signalling load generator: the same workload against Videotermin's signalling endpoint or the PeerJS
// server. Opens ROOMS rooms of two WebSocket sessions, lets them idle (memory per session), then sends
// offer/answer-sized (~2.5 KB) and candidate-sized (~300 B) messages at RATE messages/s spread over all
// rooms for SECONDS, and measures one-way relay latency (send -> receive in this same process, one clock),
// loss, the server's CPU time per relayed message (/proc/<pid>/stat) and this client's own CPU.
// Every loop is bounded in count and time; targets are loopback only. Prints one JSON object.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const { execFileSync } = require('child_process');
const WebSocket = require('ws');

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (!m) throw new Error('bad argument ' + a);
  return [m[1], m[2]];
}));
const TARGET = args.target;                      // videotermin | peerjs
const URL_BASE = args.url;                       // ws://127.0.0.1:PORT/...
const ROOMS = Math.min(Number(args.rooms || 5000), 9500);   // 2 sessions each; the process may hold ~20,000 files
const RATE = Math.min(Number(args.rate || 5000), 50000);
const SECONDS = Math.min(Number(args.seconds || 20), 120);
const PID = Number(args.pid);
const JVM = args.jvm === 'true';
const SECRET = args.secret || '';
const CONNECT_PARALLEL = Number(args.parallel || 200);
const HISTOGRAM = args.histogram || '';          // file prefix: class histograms before connecting and when idle
const HZ = 100;                                  // send ticks per second
if (!/^ws:\/\/(127\.0\.0\.1|localhost)[:/]/.test(URL_BASE)) throw new Error('loopback targets only');
if (!['videotermin', 'peerjs'].includes(TARGET)) throw new Error('--target=videotermin|peerjs');

const CLK_TCK = 100;
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;   // utime + stime
}
// CPU by thread group (name without digits: "GC Thread#", "C2 CompilerThre", "http-thread-poo" ...), so that
// a reader can see how much of the server's CPU per message is the garbage collector or the JIT compiler
function cpuByThreadGroup(pid) {
  const groups = {};
  let tasks = [];
  try { tasks = fs.readdirSync(`/proc/${pid}/task`); } catch (e) { return groups; }
  for (const tid of tasks) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/[0-9]+/g, '');
      groups[name] = (groups[name] || 0) + cpuSeconds(`${pid}/task/${tid}`);
    } catch (e) { /* the thread ended meanwhile */ }
  }
  return groups;
}
function groupDelta(before, after) {
  const delta = {};
  for (const [name, s] of Object.entries(after)) {
    const d = s - (before[name] || 0);
    if (d > 0.005) delta[name] = Math.round(d * 100) / 100;
  }
  return Object.fromEntries(Object.entries(delta).sort((x, y) => y[1] - x[1]));
}
function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
function heapUsedKb(pid) { // the JVM's heap in use after a full GC (RSS of a JVM rarely shrinks)
  if (!JVM) return null;
  try {
    execFileSync('jcmd', [String(PID), 'GC.run'], { timeout: 30000, stdio: 'ignore' });
    const info = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { timeout: 30000 }).toString();
    const m = /used (\d+)K/.exec(info);
    return m ? Number(m[1]) : null;
  } catch (e) {
    return null;
  }
}
// what the heap holds by class (for finding what an idle session keeps alive); the caller has just run a full GC
function writeHistogram(pid, file) {
  if (!JVM || !HISTOGRAM) return;
  fs.writeFileSync(file, execFileSync('jcmd', [String(pid), 'GC.class_histogram'], { timeout: 60000, maxBuffer: 64 << 20 }));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

// ---------------------------------------------------------------- tickets (Videotermin)
const b64url = (buf) => Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function ticket(roomId, role, participantId) {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const claims = ['vt1', roomId, role, participantId, String(exp), role === 'ADVISOR' ? 'Advisor' : 'Citizen'].join('\n');
  const mac = crypto.createHmac('sha256', SECRET).update(claims, 'utf8').digest();
  return b64url(Buffer.from(claims, 'utf8')) + '.' + b64url(mac);
}

// ---------------------------------------------------------------- payloads
const SDP_PAD = 'a=x-bench:' + 'v'.repeat(2500 - 40);
const CAND_PAD = 'candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host generation 0 ufrag abcd network-id 1 ' + 'x'.repeat(300 - 130);
function payloadLine(seq) { return seq + ' ' + now().toFixed(3) + ' '; }

// ---------------------------------------------------------------- sessions
const stats = { sent: 0, received: 0, latencies: new Float64Array(RATE * SECONDS + 1000), nLat: 0, errors: 0, unexpectedCloses: 0 };
const sessions = [];   // [advisor, citizen] per room

// ws may emit the first frames synchronously with 'open' (same TCP read as the 101 response): messages are
// queued until a handler is set, so none is missed.
function handle(ws, handler) {
  ws.handler = handler;
  for (const text of ws.inbox.splice(0)) handler(text);
}

function open(url) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30000 });
    ws.inbox = [];
    ws.on('message', (data) => { const text = data.toString(); if (ws.handler) ws.handler(text); else ws.inbox.push(text); });
    const timer = setTimeout(() => { ws.terminate(); resolve(null); }, 30000);
    ws.once('open', () => { clearTimeout(timer); resolve(ws); });
    ws.once('error', () => { clearTimeout(timer); resolve(null); });
  });
}

function onRelayed(text) {
  // both servers keep the payload verbatim: find our "<seq> <sentAt> " prefix
  const m = /"(?:sdp|candidate)":"(\d+) (\d+\.\d+) /.exec(text);
  if (m) {
    stats.received++;
    if (stats.measuring && stats.nLat < stats.latencies.length) stats.latencies[stats.nLat++] = now() - Number(m[2]);
  }
}

async function openRoomVideotermin(i) {
  const roomId = 'bench-room-' + i + '-' + crypto.randomBytes(6).toString('hex');
  const advisorId = 'a' + i, citizenId = 'c' + i;
  const a = await open(`${URL_BASE}/rooms/${roomId}?ticket=${ticket(roomId, 'ADVISOR', advisorId)}`);
  if (!a) return null;
  const paired = new Promise((resolve) => {
    let done = 0;
    const timer = setTimeout(() => resolve(false), 30000);
    const check = () => { if (++done === 2) { clearTimeout(timer); resolve(true); } };
    handle(a, (text) => {
      if (text.startsWith('{"type":"lobby"') && text.includes(citizenId)) a.send(JSON.stringify({ type: 'admit', participantId: citizenId }));
      else if (text.startsWith('{"type":"peer-joined"')) check();
      else if (text.startsWith('{"type":"error"')) stats.errors++;
      else onRelayed(text);
    });
    a.citizenReady = check;
  });
  const c = await open(`${URL_BASE}/rooms/${roomId}?ticket=${ticket(roomId, 'CITIZEN', citizenId)}`);
  if (!c) { a.terminate(); return null; }
  handle(c, (text) => {
    if (text.startsWith('{"type":"peer-joined"')) a.citizenReady();
    else if (text.startsWith('{"type":"error"')) stats.errors++;
    else onRelayed(text);
  });
  if (!(await paired)) { a.terminate(); c.terminate(); return null; }
  return [a, c];
}

async function openRoomPeerjs(i) {
  const ids = ['a' + i + '-' + crypto.randomBytes(4).toString('hex'), 'c' + i + '-' + crypto.randomBytes(4).toString('hex')];
  const socks = [];
  for (const id of ids) {
    const ws = await open(`${URL_BASE}/peerjs?key=peerjs&id=${id}&token=${crypto.randomBytes(6).toString('hex')}`);
    if (!ws) { socks.forEach((s) => s.terminate()); return null; }
    const opened = new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), 30000);
      handle(ws, (text) => {
        if (text.includes('"OPEN"')) { clearTimeout(timer); ws.handler = onRelayed; resolve(true); }
      });
    });
    if (!(await opened)) { ws.terminate(); socks.forEach((s) => s.terminate()); return null; }
    ws.peerId = id;
    socks.push(ws);
  }
  socks[0].otherId = ids[1];
  socks[1].otherId = ids[0];
  return socks;
}

function send(ws, kind, seq) {
  let msg;
  if (TARGET === 'videotermin') {
    msg = kind === 'candidate'
      ? { type: 'candidate', candidate: { candidate: payloadLine(seq) + CAND_PAD, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' } }
      : { type: kind, sdp: payloadLine(seq) + SDP_PAD };
  } else {
    const payload = kind === 'candidate'
      ? { candidate: { candidate: payloadLine(seq) + CAND_PAD, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: 'abcd' }, type: 'media', connectionId: 'mc_bench' }
      : { sdp: { type: kind, sdp: payloadLine(seq) + SDP_PAD }, type: 'media', connectionId: 'mc_bench' };
    msg = { type: kind.toUpperCase(), dst: ws.otherId, payload };
  }
  // PeerJS relays JSON.stringify(payload): the prefix regex finds "sdp":"<seq> ..." / "candidate":"<seq> ..." in both
  ws.send(JSON.stringify(msg));
  stats.sent++;
}

async function main() {
  const result = { target: TARGET, roomsRequested: ROOMS, rate: RATE, seconds: SECONDS, startedAt: new Date().toISOString() };
  const cpu0 = cpuSeconds(PID);
  result.serverRssBeforeKb = rssKb(PID);
  result.serverHeapBeforeKb = heapUsedKb(PID);
  writeHistogram(PID, HISTOGRAM + '-before.txt');

  // ---- connect, bounded parallelism
  const t0 = now();
  let next = 0;
  const opener = TARGET === 'videotermin' ? openRoomVideotermin : openRoomPeerjs;
  async function worker() {
    while (next < ROOMS && now() - t0 < 240000) {
      const i = next++;
      const room = await opener(i);
      if (room) sessions.push(room);
    }
  }
  await Promise.all(Array.from({ length: CONNECT_PARALLEL }, worker));
  result.connectSeconds = (now() - t0) / 1000;
  result.roomsOpened = sessions.length;
  result.sessionsHeld = sessions.length * 2;
  result.serverCpuConnectSeconds = cpuSeconds(PID) - cpu0;
  for (const [a, c] of sessions) {
    for (const ws of [a, c]) ws.on('close', () => { if (!stats.stopping) stats.unexpectedCloses++; });
  }

  // ---- idle: memory per session
  await sleep(5000);
  result.serverRssIdleKb = rssKb(PID);
  result.serverHeapIdleKb = heapUsedKb(PID);
  writeHistogram(PID, HISTOGRAM + '-idle.txt');
  result.rssPerIdleSessionKb = (result.serverRssIdleKb - result.serverRssBeforeKb) / Math.max(1, result.sessionsHeld);
  if (JVM && result.serverHeapIdleKb != null && result.serverHeapBeforeKb != null) {
    result.heapPerIdleSessionKb = (result.serverHeapIdleKb - result.serverHeapBeforeKb) / Math.max(1, result.sessionsHeld);
  }

  // ---- load: RATE messages/s over all rooms, 1 SDP (offer or answer) per 4 candidates
  if (TARGET === 'videotermin') { // keep-alive: the server closes sessions silent for 2 minutes
    sessions.forEach(([a, c]) => { a.send('{"type":"ping"}'); c.send('{"type":"ping"}'); });
  }
  const perTick = RATE / HZ;
  let carry = 0, seq = 0, roomCursor = 0, ticks = 0;
  stats.measuring = true;
  const serverCpuLoad0 = cpuSeconds(PID);
  const serverThreads0 = cpuByThreadGroup(PID);
  const clientCpu0 = process.cpuUsage();
  const loadStart = now();
  let lag = 0;
  while (ticks < SECONDS * HZ && now() - loadStart < (SECONDS + 30) * 1000) {
    const due = loadStart + ticks * (1000 / HZ);
    const wait = due - now();
    if (wait > 0) await sleep(wait); else lag = Math.max(lag, -wait);
    carry += perTick;
    const n = Math.floor(carry);
    carry -= n;
    for (let k = 0; k < n; k++) {
      const room = sessions[roomCursor++ % sessions.length];
      const from = room[seq & 1];
      const kind = seq % 5 === 0 ? ((seq / 5) & 1 ? 'answer' : 'offer') : 'candidate';
      send(from, kind, seq++);
    }
    ticks++;
  }
  const loadElapsed = (now() - loadStart) / 1000;
  // drain: wait until everything arrived or 5 s passed
  const drainStart = now();
  while (stats.received < stats.sent && now() - drainStart < 5000) await sleep(50);
  stats.measuring = false;
  const serverCpuLoad = cpuSeconds(PID) - serverCpuLoad0;
  const serverThreads = groupDelta(serverThreads0, cpuByThreadGroup(PID));
  const clientCpu = process.cpuUsage(clientCpu0);
  result.loadSeconds = loadElapsed;
  result.maxSchedulerLagMs = lag;
  result.sent = stats.sent;
  result.received = stats.received;
  result.lost = stats.sent - stats.received;
  result.lossRatio = stats.sent ? result.lost / stats.sent : 0;
  result.achievedRate = stats.sent / loadElapsed;
  result.errors = stats.errors;
  result.unexpectedCloses = stats.unexpectedCloses;
  result.serverCpuSeconds = serverCpuLoad;
  result.serverCpuPercentOfOneCore = 100 * serverCpuLoad / loadElapsed;
  result.serverCpuMicrosPerMessage = 1e6 * serverCpuLoad / Math.max(1, stats.received);
  result.serverCpuSecondsByThreadGroup = serverThreads;
  result.clientCpuSeconds = (clientCpu.user + clientCpu.system) / 1e6;
  result.clientCpuPercentOfOneCore = 100 * result.clientCpuSeconds / loadElapsed;
  const lat = Array.from(stats.latencies.subarray(0, stats.nLat)).sort((x, y) => x - y);
  const pct = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : null);
  result.latencyMs = { samples: lat.length, p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), p999: pct(0.999), max: lat.length ? lat[lat.length - 1] : null };
  result.serverRssEndKb = rssKb(PID);

  stats.stopping = true;
  for (const room of sessions) for (const ws of room) ws.terminate();
  await sleep(500);
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.exit(0);
}

setTimeout(() => { console.error('loadgen: overall time limit reached'); process.exit(2); }, 10 * 60 * 1000).unref();
main().catch((e) => { console.error(e); process.exit(1); });
