#!/usr/bin/env node
// The PeerJS signalling server (npm `peer` 1.0.2) on loopback, for the side-by-side benchmark.
// concurrent_limit is raised from its default 5,000 so that it can hold the same sessions as ours;
// alive_timeout so that idle benchmark sessions are not reaped during a run.
'use strict';
const { PeerServer } = require('peer');
const port = Number(process.argv[2] || 9000);
PeerServer({ port, host: '127.0.0.1', path: '/', concurrent_limit: 20000, alive_timeout: 600000 },
  () => console.log(`peerjs server listening on 127.0.0.1:${port}`));
