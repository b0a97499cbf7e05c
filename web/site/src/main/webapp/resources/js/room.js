/*
 * Videotermin consultation room: camera and microphone, signalling over a WebSocket
 * (docs/signalling-protocol.md), one RTCPeerConnection to the other participant, chat over an
 * RTCDataChannel (never through the server).
 *
 * Everything it needs comes from the data-* attributes of #room (rendered by
 * WEB-INF/includes/room.xhtml from the RoomMessages bundle): no inline script, CSP-friendly.
 * The advisor makes the offer; the citizen answers. Nothing here logs SDP or ICE candidates.
 *
 * Test hook for the browser system tests: window.videotermin = { pc, state, chatMessages }, with
 * state one of 'connecting', 'waiting', 'in-room', 'connected', 'ended', 'peer-left', 'error'.
 */
(function () {
    'use strict';

    var root = document.getElementById('room');
    if (!root) {
        return;
    }

    var PING_INTERVAL_MS = 25000;
    var MAX_RECONNECTS = 5;
    var MAX_CHAT_LENGTH = 1000;

    var config = {
        wsUrl: root.dataset.wsUrl,
        ticket: root.dataset.ticket,
        role: root.dataset.role === 'ADVISOR' ? 'ADVISOR' : 'CITIZEN',
        iceServers: parseJson(root.dataset.iceServers, []),
        icePolicy: root.dataset.icePolicy === 'relay' ? 'relay' : 'all',
        leaveUrl: root.dataset.leaveUrl || '/'
    };
    var isAdvisor = config.role === 'ADVISOR';

    var el = {
        status: document.getElementById('room-status'),
        mediaError: document.getElementById('room-media-error'),
        localVideo: document.getElementById('local-video'),
        remoteVideo: document.getElementById('remote-video'),
        remotePlaceholder: document.getElementById('room-remote-placeholder'),
        play: document.getElementById('room-play'),
        mute: document.getElementById('room-mute'),
        camera: document.getElementById('room-camera'),
        end: document.getElementById('room-end'),
        leave: document.getElementById('room-leave'),
        lobby: document.getElementById('room-lobby'),
        lobbyEmpty: document.getElementById('room-lobby-empty'),
        chatLog: document.getElementById('room-chat-log'),
        chatForm: document.getElementById('room-chat-form'),
        chatInput: document.getElementById('room-chat-input'),
        chatSend: document.getElementById('room-chat-send'),
        chatHint: document.getElementById('room-chat-hint'),
        ended: document.getElementById('room-ended'),
        endedText: document.getElementById('room-ended-text')
    };

    /** The test hook; its properties are kept up to date. */
    var hook = { pc: null, state: 'connecting', chatMessages: [], timings: {} };
    window.videotermin = hook;

    var localStream = null;
    var ws = null;
    var pingTimer = null;
    var reconnects = 0;
    var finished = false;      // ended, left, replaced or a fatal error: no more reconnects
    var selfId = null;
    var peer = null;           // {id, role, name} of the participant we are paired with
    var pc = null;
    var chat = null;
    var pendingCandidates = [];
    var connectionReported = false;
    var lastLobby = [];

    // ------------------------------------------------------------------ helpers

    function parseJson(text, fallback) {
        try {
            return text ? JSON.parse(text) : fallback;
        } catch (e) {
            return fallback;
        }
    }

    /** A text from the bundle (data-text-*), with {placeholders} filled in. */
    function text(key, values) {
        var attribute = 'text' + key.split('-').map(function (part) {
            return part.charAt(0).toUpperCase() + part.slice(1);
        }).join('');
        var template = root.dataset[attribute] || '';
        return template.replace(/\{(\w+)\}/g, function (match, name) {
            return values && values[name] !== undefined ? String(values[name]) : match;
        });
    }

    function setState(state, statusText) {
        hook.state = state;
        root.setAttribute('data-state', state);
        if (statusText !== undefined) {
            el.status.textContent = statusText;
        }
    }

    /** A status text about the peer: the '-anonymous' variant when the peer is a citizen (no name shown). */
    function peerText(key, p) {
        return p && p.role === 'ADVISOR' && p.name ? text(key, { name: p.name }) : text(key + '-anonymous');
    }

    function peerName(p) {
        if (!p) {
            return text('peer');
        }
        return p.role === 'ADVISOR' && p.name ? p.name : text('citizen');
    }

    function send(message) {
        if (ws && ws.readyState === WebSocket.OPEN) {
            ws.send(JSON.stringify(message));
        }
    }

    function formatTime(iso) {
        var date = new Date(iso);
        if (isNaN(date.getTime())) {
            return '';
        }
        return date.toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit' });
    }

    // ------------------------------------------------------------------ local media

    function startLocalMedia() {
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            return Promise.resolve(null);
        }
        // Devices chosen in the device test (citizen/devices.xhtml) carry over into the room.
        var chosen = {};
        try {
            chosen = JSON.parse(window.sessionStorage.getItem('videotermin.devices') || '{}') || {};
        } catch (ignored) {
            chosen = {};
        }
        var audio = chosen.microphone ? { deviceId: { ideal: chosen.microphone } } : true;
        var video = chosen.camera ? { deviceId: { ideal: chosen.camera } } : true;
        return navigator.mediaDevices.getUserMedia({ audio: audio, video: video })
            .catch(function () {
                // no camera (or it was refused): try the microphone alone
                return navigator.mediaDevices.getUserMedia({ audio: true, video: false });
            })
            .catch(function () {
                return null;
            });
    }

    function showLocalMedia(stream) {
        localStream = stream;
        hook.localStream = stream;
        if (!stream) {
            el.mediaError.textContent = text('error-media');
            el.mediaError.hidden = false;
            el.mute.disabled = true;
            el.camera.disabled = true;
            return;
        }
        el.localVideo.srcObject = stream;
        el.localVideo.muted = true;
        if (stream.getVideoTracks().length === 0) {
            el.camera.disabled = true;
            el.mediaError.textContent = text('error-media');
            el.mediaError.hidden = false;
        }
        playQuietly(el.localVideo);
    }

    function playQuietly(video) {
        var playing = video.play && video.play();
        if (playing && playing.catch) {
            playing.catch(function () { /* autoplay of the muted preview may wait for the stream */ });
        }
    }

    function toggleTracks(button, tracks) {
        var off = button.getAttribute('aria-pressed') !== 'true';
        tracks.forEach(function (track) {
            track.enabled = !off;
        });
        button.setAttribute('aria-pressed', off ? 'true' : 'false');
    }

    el.mute.addEventListener('click', function () {
        if (localStream) {
            toggleTracks(el.mute, localStream.getAudioTracks());
        }
    });

    el.camera.addEventListener('click', function () {
        if (localStream) {
            toggleTracks(el.camera, localStream.getVideoTracks());
        }
    });

    el.play.addEventListener('click', function () {
        el.remoteVideo.play().then(function () {
            el.play.hidden = true;
        }, function () { /* still blocked; the button stays */ });
    });

    // ------------------------------------------------------------------ signalling

    function connect() {
        el.status.textContent = reconnects === 0 ? text('connecting') : text('reconnecting');
        var url = config.wsUrl + (config.wsUrl.indexOf('?') < 0 ? '?' : '&') + 'ticket=' + encodeURIComponent(config.ticket);
        try {
            ws = new WebSocket(url);
        } catch (e) {
            fail(text('error-server'));
            return;
        }
        ws.addEventListener('open', function () {
            reconnects = 0;
            clearInterval(pingTimer);
            pingTimer = setInterval(function () {
                send({ type: 'ping' });
            }, PING_INTERVAL_MS);
        });
        ws.addEventListener('message', function (event) {
            var message = parseJson(event.data, null);
            if (message && typeof message.type === 'string') {
                handle(message);
            }
        });
        ws.addEventListener('close', onSocketClose);
    }

    function onSocketClose(event) {
        clearInterval(pingTimer);
        ws = null;
        if (finished) {
            return;
        }
        if (event.code === 1008) {
            fail(text('error-ticket'));
        } else if (event.code === 1000 && event.reason === 'replaced') {
            finish('ended', text('replaced'));
        } else if (event.code === 1000 && (event.reason === 'ended' || event.reason === 'left')) {
            finish('ended', text('ended'));
        } else if (event.code === 1003 || event.code === 1009) {
            fail(text('error-server'));
        } else if (reconnects < MAX_RECONNECTS) {
            // network trouble or a server restart: come back with the same ticket (a reload replaces us)
            reconnects += 1;
            el.status.textContent = text('reconnecting');
            setTimeout(connect, Math.min(1000 * Math.pow(2, reconnects - 1), 10000));
        } else {
            fail(text('error-server'));
        }
    }

    // The citizen waits; if the appointment time has passed and the advisor has not come yet,
    // say so kindly instead of leaving them wondering. Re-evaluated every 30 s while waiting.
    var advisorPresent = false;
    var startsAt = root.dataset.startsAt ? new Date(root.dataset.startsAt) : null;
    function waitingText() {
        if (advisorPresent) {
            return text('waiting-told');
        }
        if (startsAt && !isNaN(startsAt.getTime()) && Date.now() > startsAt.getTime() && root.dataset.textWaitingLate) {
            return root.dataset.textWaitingLate;
        }
        return text('waiting');
    }
    window.setInterval(function () {
        if (hook.state === 'waiting') {
            var next = waitingText();
            if (el.status.textContent !== next) {
                el.status.textContent = next;
            }
        }
    }, 30000);

    function handle(message) {
        switch (message.type) {
        case 'welcome':
            selfId = message.self && message.self.id;
            if (message.admitted) {
                setState('in-room', isAdvisor ? lobbyStatus(lastLobby) : text('admitted'));
            } else {
                setState('waiting', text('waiting'));
            }
            break;
        case 'waiting':
            advisorPresent = !!message.advisorPresent;
            setState('waiting', waitingText());
            break;
        case 'admitted':
            hook.timings = { admittedAt: performance.now() };
            setState('in-room', text('admitted'));
            break;
        case 'lobby':
            renderLobby(message.waiting || []);
            break;
        case 'peer-joined':
            onPeerJoined(message.peer);
            break;
        case 'offer':
            onOffer(message);
            break;
        case 'answer':
            onAnswer(message);
            break;
        case 'candidate':
            onCandidate(message);
            break;
        case 'peer-left':
            if (peer && message.id === peer.id) {
                var left = peer;
                closePeerConnection();
                setState('peer-left', peerText('peer-left', left));
            }
            break;
        case 'ended':
            if (message.reason === 'consent-withdrawn') {
                finish('ended', isAdvisor ? text('withdrawn-by-citizen') : text('withdrawn'));
            } else {
                finish('ended', text('ended'));
            }
            break;
        case 'ticket':
            // a fresh join ticket (docs/signalling-protocol.md): used when the socket has to reconnect later
            if (typeof message.ticket === 'string' && message.ticket) {
                config.ticket = message.ticket;
            }
            break;
        case 'error':
            // 'no-peer' happens when a candidate races the other side leaving; nothing to do
            break;
        default:
            break;
        }
    }

    // ------------------------------------------------------------------ waiting room (advisor)

    function lobbyStatus(waiting) {
        if (waiting.length === 0) {
            return text('alone');
        }
        return waiting.length === 1 ? text('lobby-one') : text('lobby-many', { count: waiting.length });
    }

    function renderLobby(waiting) {
        lastLobby = waiting;
        if (!el.lobby) {
            return;
        }
        while (el.lobby.firstChild) {
            el.lobby.removeChild(el.lobby.firstChild);
        }
        waiting.forEach(function (citizen, index) {
            var name = text('waiting-person', { n: index + 1 });
            var since = formatTime(citizen.since);
            var item = document.createElement('li');
            item.className = 'vt-room__lobby-item';
            var label = document.createElement('span');
            label.textContent = name + ' – ' + text('waiting-since', { time: since });
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'vt-room__admit';
            button.textContent = text('admit');
            button.setAttribute('aria-label', text('admit-label', { name: name, since: since }));
            button.setAttribute('data-participant', citizen.id);
            button.addEventListener('click', function () {
                button.disabled = true;
                send({ type: 'admit', participantId: citizen.id });
            });
            item.appendChild(label);
            item.appendChild(document.createTextNode(' '));
            item.appendChild(button);
            el.lobby.appendChild(item);
        });
        el.lobbyEmpty.hidden = waiting.length > 0;
        if (hook.state === 'in-room' || hook.state === 'peer-left' || hook.state === 'connecting') {
            if (!peer) {
                el.status.textContent = lobbyStatus(waiting);
            }
        } else if (hook.state === 'connected' && waiting.length > 0) {
            el.status.textContent = peerText('connected', peer) + ' ' + lobbyStatus(waiting);
        }
    }

    // ------------------------------------------------------------------ the peer connection

    function onPeerJoined(joined) {
        if (!joined || !joined.id) {
            return;
        }
        // a (re)joined participant has a fresh connection: start over
        closePeerConnection();
        peer = joined;
        setState('in-room', peerText('peer-joined', peer));
        createPeerConnection();
        if (isAdvisor) {
            chat = pc.createDataChannel('chat', { negotiated: false });
            bindChat(chat);
            makeOffer({});
        }
    }

    function createPeerConnection() {
        pc = new RTCPeerConnection({ iceServers: config.iceServers, iceTransportPolicy: config.icePolicy });
        hook.pc = pc;
        // room-tools.js (screen sharing, quality, safety code, activity) attaches to each new connection
        root.dispatchEvent(new CustomEvent('videotermin:peerconnection', { detail: pc }));
        hook.timings.peerConnectionAt = performance.now();
        hook.timings.firstFrameAt = null;
        pendingCandidates = [];
        connectionReported = false;
        var own = pc;

        var kinds = { audio: false, video: false };
        if (localStream) {
            localStream.getTracks().forEach(function (track) {
                own.addTrack(track, localStream);
                kinds[track.kind] = true;
            });
        }
        if (isAdvisor) {
            // receive what the other side sends even if we send nothing of that kind
            ['audio', 'video'].forEach(function (kind) {
                if (!kinds[kind]) {
                    own.addTransceiver(kind, { direction: 'recvonly' });
                }
            });
        }

        own.addEventListener('icecandidate', function (event) {
            if (own !== pc || !peer) {
                return;
            }
            send({ type: 'candidate', to: peer.id, candidate: event.candidate ? event.candidate.toJSON() : null });
        });
        own.addEventListener('track', function (event) {
            if (own !== pc) {
                return;
            }
            var stream = event.streams && event.streams[0];
            if (!stream) {
                stream = el.remoteVideo.srcObject instanceof MediaStream ? el.remoteVideo.srcObject : new MediaStream();
                stream.addTrack(event.track);
            }
            if (el.remoteVideo.srcObject !== stream) {
                el.remoteVideo.srcObject = stream;
            }
            if (event.track.kind === 'video') {
                // for the time-to-first-frame benchmark (bench/room): when a remote frame is first shown
                var markFirstFrame = function () {
                    if (!hook.timings.firstFrameAt) {
                        hook.timings.firstFrameAt = performance.now();
                    }
                };
                if (el.remoteVideo.requestVideoFrameCallback) {
                    el.remoteVideo.requestVideoFrameCallback(markFirstFrame);
                } else {
                    el.remoteVideo.addEventListener('loadeddata', markFirstFrame, { once: true });
                }
            }
            el.remotePlaceholder.hidden = true;
            var playing = el.remoteVideo.play();
            if (playing && playing.catch) {
                playing.catch(function () {
                    el.play.hidden = false; // autoplay with sound was blocked: let the user start it
                });
            }
        });
        own.addEventListener('datachannel', function (event) {
            if (own === pc && event.channel.label === 'chat') {
                chat = event.channel;
                bindChat(chat);
            }
        });
        own.addEventListener('connectionstatechange', function () {
            if (own !== pc) {
                return;
            }
            if (own.connectionState === 'connected') {
                setState('connected', peerText('connected', peer));
                reportConnection(own);
            } else if (own.connectionState === 'disconnected') {
                el.status.textContent = text('connection-lost');
            } else if (own.connectionState === 'failed') {
                el.status.textContent = text('connection-lost');
                if (isAdvisor) {
                    makeOffer({ iceRestart: true });
                }
            }
        });
    }

    function makeOffer(options) {
        var own = pc;
        own.createOffer(options)
            .then(function (offer) {
                return own.setLocalDescription(offer);
            })
            .then(function () {
                if (own === pc && peer) {
                    send({ type: 'offer', to: peer.id, sdp: own.localDescription.sdp });
                }
            })
            .catch(function () {
                el.status.textContent = text('connection-lost');
            });
    }

    function onOffer(message) {
        if (isAdvisor) {
            return; // the advisor makes the offers; never answer one
        }
        if (!peer || message.from !== peer.id) {
            // an offer without peer-joined before it: pair with the sender
            closePeerConnection();
            peer = { id: message.from, role: 'ADVISOR', name: '' };
        }
        if (!pc) {
            createPeerConnection();
        }
        var own = pc;
        own.setRemoteDescription({ type: 'offer', sdp: message.sdp })
            .then(function () {
                return flushCandidates(own);
            })
            .then(function () {
                return own.createAnswer();
            })
            .then(function (answer) {
                return own.setLocalDescription(answer);
            })
            .then(function () {
                if (own === pc && peer) {
                    send({ type: 'answer', to: peer.id, sdp: own.localDescription.sdp });
                }
            })
            .catch(function () {
                el.status.textContent = text('connection-lost');
            });
    }

    function onAnswer(message) {
        if (!isAdvisor || !pc || !peer || message.from !== peer.id || pc.signalingState !== 'have-local-offer') {
            return;
        }
        var own = pc;
        own.setRemoteDescription({ type: 'answer', sdp: message.sdp })
            .then(function () {
                return flushCandidates(own);
            })
            .catch(function () {
                el.status.textContent = text('connection-lost');
            });
    }

    function onCandidate(message) {
        if (!pc || !peer || message.from !== peer.id) {
            return;
        }
        if (!pc.remoteDescription) {
            pendingCandidates.push(message.candidate);
            return;
        }
        addCandidate(pc, message.candidate);
    }

    function flushCandidates(own) {
        var queued = pendingCandidates;
        pendingCandidates = [];
        return Promise.all(queued.map(function (candidate) {
            return addCandidate(own, candidate);
        }));
    }

    function addCandidate(own, candidate) {
        // null = end of candidates; a candidate that does not fit is ignored (it only costs a path)
        return own.addIceCandidate(candidate || undefined).catch(function () { });
    }

    /** Tells the server once per connection whether the media path goes through TURN. */
    function reportConnection(own) {
        if (connectionReported) {
            return;
        }
        connectionReported = true;
        own.getStats().then(function (stats) {
            var pair = null;
            stats.forEach(function (report) {
                if (report.type === 'transport' && report.selectedCandidatePairId) {
                    pair = stats.get(report.selectedCandidatePairId) || pair;
                }
            });
            if (!pair) {
                stats.forEach(function (report) {
                    if (!pair && report.type === 'candidate-pair' && report.state === 'succeeded' && report.nominated) {
                        pair = report;
                    }
                });
            }
            var local = pair && stats.get(pair.localCandidateId);
            if (local && own === pc) {
                send({ type: 'connection', relayed: local.candidateType === 'relay' });
            } else {
                connectionReported = false;
            }
        }, function () {
            connectionReported = false;
        });
    }

    function closePeerConnection() {
        if (chat) {
            try {
                chat.close();
            } catch (e) { /* already closed */ }
            chat = null;
        }
        setChatEnabled(false);
        if (pc) {
            try {
                pc.close();
            } catch (e) { /* already closed */ }
        }
        pc = null;
        hook.pc = null;
        peer = null;
        pendingCandidates = [];
        el.remoteVideo.srcObject = null;
        el.remotePlaceholder.hidden = false;
        el.play.hidden = true;
    }

    // ------------------------------------------------------------------ chat (peer to peer only)

    function bindChat(channel) {
        channel.addEventListener('open', function () {
            if (channel === chat) {
                setChatEnabled(true);
            }
        });
        channel.addEventListener('close', function () {
            if (channel === chat) {
                setChatEnabled(false);
            }
        });
        channel.addEventListener('message', function (event) {
            if (typeof event.data === 'string') {
                showChat('peer', event.data.slice(0, MAX_CHAT_LENGTH));
            }
        });
    }

    function setChatEnabled(enabled) {
        el.chatInput.disabled = !enabled;
        el.chatSend.disabled = !enabled;
        el.chatHint.textContent = enabled ? text('chat-ready') : text('chat-unavailable');
    }

    function showChat(from, message) {
        var entry = { from: from, name: from === 'self' ? text('you') : peerName(peer), text: message, at: new Date().toISOString() };
        hook.chatMessages.push(entry);
        var line = document.createElement('p');
        line.className = 'vt-room__chat-line vt-room__chat-line--' + from;
        var who = document.createElement('strong');
        who.textContent = entry.name + ': ';
        line.appendChild(who);
        line.appendChild(document.createTextNode(message));
        el.chatLog.appendChild(line);
        el.chatLog.scrollTop = el.chatLog.scrollHeight;
    }

    el.chatForm.addEventListener('submit', function (event) {
        event.preventDefault();
        var message = el.chatInput.value.trim().slice(0, MAX_CHAT_LENGTH);
        if (!message || !chat || chat.readyState !== 'open') {
            return;
        }
        chat.send(message);
        showChat('self', message);
        el.chatInput.value = '';
        el.chatInput.focus();
    });

    // ------------------------------------------------------------------ ending

    if (el.end) {
        el.end.addEventListener('click', function () {
            el.end.disabled = true;
            if (ws && ws.readyState === WebSocket.OPEN) {
                send({ type: 'end' }); // the server answers 'ended' and closes
            } else {
                finish('ended', text('ended'));
            }
        });
    }

    // Withdrawing consent (citizen): the ledger first, then signalling ends the call for both.
    var withdrawButton = document.getElementById('room-withdraw');
    if (withdrawButton && root.dataset.withdrawUrl) {
        withdrawButton.addEventListener('click', function () {
            withdrawButton.disabled = true;
            fetch(root.dataset.withdrawUrl, { method: 'POST', credentials: 'same-origin' })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error('status ' + response.status);
                    }
                    if (ws && ws.readyState === WebSocket.OPEN) {
                        send({ type: 'withdraw' });
                    } else {
                        finish('ended', text('withdrawn'));
                    }
                })
                .catch(function () {
                    withdrawButton.disabled = false;
                    el.mediaError.textContent = text('error-server');
                    el.mediaError.hidden = false;
                });
        });
    }

    if (el.leave) {
        el.leave.addEventListener('click', function () {
            send({ type: 'leave' });
            finish('ended', text('left'));
        });
    }

    function stopEverything() {
        finished = true;
        clearInterval(pingTimer);
        closePeerConnection();
        if (localStream) {
            localStream.getTracks().forEach(function (track) {
                track.stop();
            });
        }
        el.localVideo.srcObject = null;
        setChatEnabled(false);
        [el.mute, el.camera, el.end, el.leave, document.getElementById("room-withdraw")].forEach(function (button) {
            if (button) {
                button.disabled = true;
            }
        });
        if (el.lobby) {
            renderLobby([]);
        }
    }

    function finish(state, message) {
        if (finished) {
            return;
        }
        stopEverything();
        if (ws) {
            var socket = ws;
            ws = null;
            if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
                socket.close(1000, 'left');
            }
        }
        setState(state, message);
        el.endedText.textContent = message;
        el.ended.hidden = false;
        var link = document.getElementById('room-leave-link');
        if (link) {
            link.focus();
        }
    }

    function fail(message) {
        finish('error', message);
    }

    window.addEventListener('pagehide', function () {
        if (!finished && ws && ws.readyState === WebSocket.OPEN) {
            // a closing tab is a dropped connection for the server, not a 'leave': a reload comes back in
            ws.close(1000, 'page closed');
        }
    });

    // ------------------------------------------------------------------ start

    if (!window.RTCPeerConnection || !window.WebSocket) {
        fail(text('error-browser'));
        return;
    }
    setState('connecting', text('connecting'));
    startLocalMedia().then(function (stream) {
        showLocalMedia(stream);
        connect();
    });
}());
