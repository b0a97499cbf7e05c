/*
 * Videotermin consultation room: camera and microphone, signalling over a WebSocket
 * (docs/signalling-protocol.md), one RTCPeerConnection to each other participant (advisor and
 * citizen, and an invited guest such as an interpreter: a mesh of three), chat over RTCDataChannels
 * (never through the server).
 *
 * Everything it needs comes from the data-* attributes of #room (rendered by
 * WEB-INF/includes/room.xhtml from the RoomMessages bundle): no inline script, CSP-friendly.
 * The advisor makes the offers; between citizen and guest the smaller participant id offers. Nothing here logs SDP or ICE candidates.
 *
 * Test hook for the browser system tests: window.videotermin = { pc, state, chatMessages }, with
 * state one of 'connecting', 'waiting', 'in-room', 'connected', 'reconnecting', 'connection-failed',
 * 'ended', 'peer-left', 'error'; pcs and links by participant id for calls of three.
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
        role: ['ADVISOR', 'GUEST'].indexOf(root.dataset.role) >= 0 ? root.dataset.role : 'CITIZEN',
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
    /** A status text about a participant: named for the advisor and invited guests, '-anonymous' for the citizen. */
    function peerText(key, p) {
        return p && p.role !== 'CITIZEN' && p.name ? text(key, { name: p.name }) : text(key + '-anonymous');
    }

    function peerName(p) {
        if (!p) {
            return text('peer');
        }
        if (p.role === 'CITIZEN' || !p.name) {
            return p.role === 'GUEST' ? text('guest') : text('citizen');
        }
        return p.name;
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
        // Devices chosen in the device test (citizen/devices.xhtml, guest/devices.xhtml) carry over into the room.
        var chosen = {};
        try {
            chosen = JSON.parse(window.sessionStorage.getItem('videotermin.devices') || '{}') || {};
        } catch (ignored) {
            chosen = {};
        }
        // 'exact', not 'ideal': with 'ideal' Chromium keeps the default microphone whatever was chosen.
        var audio = chosen.microphone ? { deviceId: { exact: chosen.microphone } } : true;
        var video = chosen.camera ? { deviceId: { exact: chosen.camera } } : true;
        return navigator.mediaDevices.getUserMedia({ audio: audio, video: video })
            .catch(function (error) {
                // a chosen device is gone since the test (unplugged): the default ones
                if (audio === true && video === true) {
                    throw error;
                }
                return navigator.mediaDevices.getUserMedia({ audio: true, video: true });
            })
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
        } else if (event.code === 1000 && event.reason === 'removed') {
            finish('ended', text('removed'));
        } else if (event.code === 1000 && event.reason === 'withdrawn') {
            finish('ended', text('guest-withdrawn'));
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
            if (links[message.id]) {
                var left = links[message.id].peer;
                closeLink(message.id);
                if (Object.keys(links).length === 0) {
                    setState('peer-left', peerText('peer-left', left));
                } else {
                    el.status.textContent = peerText('peer-left', left);
                }
            }
            break;
        case 'ended':
            if (message.reason === 'removed-by-advisor') {
                finish('ended', text('removed'));
            } else if (message.reason === 'consent-withdrawn') {
                finish('ended', isAdvisor ? text('withdrawn-by-citizen')
                    : config.role === 'GUEST' ? text('guest-withdrawn') : text('withdrawn'));
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
            var name = citizen.role === 'GUEST'
                ? text('waiting-guest', { name: citizen.name, kind: text('guest') })
                : text('waiting-person', { n: index + 1 });
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

    // ------------------------------------------------------------------ the peer connections (a mesh)

    /*
     * One link per other admitted participant: {peer, pc, chat, pending, tile, ...}. With an advisor
     * and a citizen that is one link; an invited guest (interpreter, relative) makes it a mesh of three.
     * Who offers: the advisor always; between two others, the one with the smaller participant id.
     * The "main" link is the one to the advisor (for the advisor: to the citizen); it uses the large
     * tile of the page and is window.videotermin.pc for the tests.
     */
    var links = {};
    hook.links = links;

    function isMain(p) {
        return isAdvisor ? p.role === 'CITIZEN' : p.role === 'ADVISOR';
    }

    function offersTo(p) {
        if (isAdvisor) {
            return true;
        }
        if (p.role === 'ADVISOR') {
            return false;
        }
        return selfId !== null && selfId < p.id;
    }

    function mainLink() {
        var ids = Object.keys(links);
        for (var i = 0; i < ids.length; i++) {
            if (isMain(links[ids[i]].peer)) {
                return links[ids[i]];
            }
        }
        return ids.length ? links[ids[0]] : null;
    }

    function updateHook() {
        var main = mainLink();
        pc = main ? main.pc : null;
        peer = main ? main.peer : null;
        hook.pc = pc;
        hook.pcs = {};
        Object.keys(links).forEach(function (id) {
            hook.pcs[id] = links[id].pc;
        });
    }

    /** The static tile for the main participant; extra participants get a tile of their own. */
    var mainTile = {
        box: el.remoteVideo.parentNode,
        video: el.remoteVideo,
        placeholder: el.remotePlaceholder,
        play: el.play,
        speaking: document.getElementById('room-peer-speaking'),
        muted: document.getElementById('room-peer-muted'),
        main: true
    };
    var mainTileOwner = null;

    function tileFor(p) {
        if (isMain(p) && (mainTileOwner === null || mainTileOwner === p.id)) {
            mainTileOwner = p.id;
            return mainTile;
        }
        var box = document.createElement('div');
        box.className = 'vt-room__remote vt-room__remote--extra';
        box.setAttribute('data-participant', p.id);
        var badges = document.createElement('p');
        badges.className = 'vt-room__badges';
        var speaking = document.createElement('span');
        speaking.className = 'vt-room__speaking';
        speaking.setAttribute('data-speaking', 'false');
        speaking.textContent = text('speaking-other', { name: peerName(p) }) || peerName(p);
        var muted = document.createElement('span');
        muted.className = 'vt-room__muted';
        muted.hidden = true;
        muted.textContent = root.dataset.textMutedBadge || '';
        badges.appendChild(speaking);
        badges.appendChild(muted);
        var video = document.createElement('video');
        video.className = 'vt-room__video';
        video.autoplay = true;
        video.setAttribute('playsinline', 'playsinline');
        video.setAttribute('aria-label', peerName(p));
        var placeholder = document.createElement('p');
        placeholder.className = 'vt-room__placeholder';
        placeholder.textContent = el.remotePlaceholder.textContent;
        var play = document.createElement('button');
        play.type = 'button';
        play.className = 'vt-room__play';
        play.hidden = true;
        play.textContent = el.play.textContent;
        play.addEventListener('click', function () {
            video.play().then(function () {
                play.hidden = true;
            }, function () { /* still blocked */ });
        });
        box.appendChild(badges);
        box.appendChild(video);
        box.appendChild(placeholder);
        box.appendChild(play);
        mainTile.box.parentNode.insertBefore(box, mainTile.box.nextSibling);
        return { box: box, video: video, placeholder: placeholder, play: play, speaking: speaking, muted: muted, main: false };
    }

    function releaseTile(link) {
        var tile = link.tile;
        tile.video.srcObject = null;
        if (tile.main) {
            mainTileOwner = null;
            tile.placeholder.hidden = false;
            tile.play.hidden = true;
        } else if (tile.box.parentNode) {
            tile.box.parentNode.removeChild(tile.box);
        }
        root.classList.toggle('vt-room--three', Object.keys(links).length > 1);
    }

    function onPeerJoined(joined) {
        if (!joined || !joined.id) {
            return;
        }
        // a (re)joined participant has a fresh connection: start over with them
        closeLink(joined.id);
        var link = createLink(joined);
        var othersConnected = Object.keys(links).some(function (id) {
            return links[id] !== link && links[id].pc.connectionState === 'connected';
        });
        if (othersConnected) {
            el.status.textContent = peerText('peer-joined', joined); // the call goes on; one more joins it
        } else {
            setState('in-room', peerText('peer-joined', joined));
        }
        if (offersTo(joined)) {
            link.chat = link.pc.createDataChannel('chat', { negotiated: false });
            bindChat(link, link.chat);
            makeOffer(link, {});
        }
    }

    function createLink(p) {
        var link = {
            peer: p, pc: null, chat: null, pending: [], connectionReported: false, tile: tileFor(p),
            wasConnected: false, recovering: false, lostAt: null, restartTimer: null, enteredAt: hook.timings.admittedAt || performance.now()
        };
        links[p.id] = link;
        root.classList.toggle('vt-room--three', Object.keys(links).length > 1);
        var own = new RTCPeerConnection({ iceServers: config.iceServers, iceTransportPolicy: config.icePolicy });
        link.pc = own;
        updateHook();
        // room-tools.js (screen sharing, quality, safety code, activity) attaches to each new connection
        root.dispatchEvent(new CustomEvent('videotermin:peerconnection', { detail: { pc: own, peer: p, tile: link.tile } }));
        if (isMain(p)) {
            hook.timings.peerConnectionAt = performance.now();
            hook.timings.firstFrameAt = null;
        }

        var kinds = { audio: false, video: false };
        if (localStream) {
            localStream.getTracks().forEach(function (track) {
                own.addTrack(track, localStream);
                kinds[track.kind] = true;
            });
        }
        if (offersTo(p)) {
            // receive what the other side sends even if we send nothing of that kind
            ['audio', 'video'].forEach(function (kind) {
                if (!kinds[kind]) {
                    own.addTransceiver(kind, { direction: 'recvonly' });
                }
            });
        }

        own.addEventListener('icecandidate', function (event) {
            if (links[p.id] !== link) {
                return;
            }
            send({ type: 'candidate', to: p.id, candidate: event.candidate ? event.candidate.toJSON() : null });
        });
        own.addEventListener('track', function (event) {
            if (links[p.id] !== link) {
                return;
            }
            var video = link.tile.video;
            var stream = event.streams && event.streams[0];
            if (!stream) {
                stream = video.srcObject instanceof MediaStream ? video.srcObject : new MediaStream();
                stream.addTrack(event.track);
            }
            if (video.srcObject !== stream) {
                video.srcObject = stream;
            }
            if (event.track.kind === 'video') {
                // for the time-to-first-frame benchmark (bench/room) and the call record
                var markFirstFrame = function () {
                    if (!link.firstFrameAt) {
                        link.firstFrameAt = performance.now();
                        if (isMain(p) && !hook.timings.firstFrameAt) {
                            hook.timings.firstFrameAt = link.firstFrameAt;
                        }
                    }
                };
                if (video.requestVideoFrameCallback) {
                    video.requestVideoFrameCallback(markFirstFrame);
                } else {
                    video.addEventListener('loadeddata', markFirstFrame, { once: true });
                }
            }
            link.tile.placeholder.hidden = true;
            var playing = video.play();
            if (playing && playing.catch) {
                playing.catch(function () {
                    link.tile.play.hidden = false; // autoplay with sound was blocked: let the user start it
                });
            }
        });
        own.addEventListener('datachannel', function (event) {
            if (links[p.id] === link && event.channel.label === 'chat') {
                link.chat = event.channel;
                bindChat(link, link.chat);
            }
        });
        own.addEventListener('connectionstatechange', function () {
            if (links[p.id] !== link) {
                return;
            }
            onConnectionState(link);
        });
        return link;
    }

    /** How long a lost media connection may try to come back before both sides are told plainly. */
    var RECOVERY_LIMIT_MS = 30000;

    function onConnectionState(link) {
        var state = link.pc.connectionState;
        if (state === 'connected') {
            var recovered = link.lostAt !== null;
            link.lostAt = null;
            clearTimeout(link.restartTimer);
            link.restartTimer = null;
            if (link.wasConnected && !recovered) {
                return;
            }
            link.wasConnected = true;
            setState('connected', connectedText());
            reportConnection(link, recovered);
        } else if ((state === 'disconnected' || state === 'failed') && link.wasConnected) {
            if (link.lostAt === null) {
                link.lostAt = performance.now();
                link.connectionReported = false;
            }
            if (hook.state !== 'connection-failed') {
                setState('reconnecting', text('connection-lost'));
            }
            if (!link.restartTimer) {
                // 'disconnected' often heals by itself within seconds; 'failed' (a new network, a dead
                // relay) needs new candidates at once: the offering side restarts ICE
                recoverLater(link, state === 'failed' ? 0 : 2500);
            }
        }
    }

    /** Restarts ICE every few seconds until the link is back, or tells both sides plainly after the limit. */
    function recoverLater(link, delay) {
        link.restartTimer = setTimeout(function () {
            link.restartTimer = null;
            if (links[link.peer.id] !== link || link.pc.connectionState === 'connected') {
                return;
            }
            var overLimit = performance.now() - link.lostAt > RECOVERY_LIMIT_MS;
            if (overLimit && hook.state !== 'connection-failed') {
                // said plainly, with what to do; the page keeps trying quietly in case the network returns
                setState('connection-failed', peerText('connection-failed', link.peer));
            }
            if (offersTo(link.peer)) {
                hook.iceRestarts = (hook.iceRestarts || 0) + 1;
                makeOffer(link, { iceRestart: true });
            }
            recoverLater(link, overLimit ? 10000 : 4000);
        }, delay);
    }

    function connectedText() {
        var main = mainLink();
        return peerText('connected', main ? main.peer : null);
    }

    function makeOffer(link, options) {
        var own = link.pc;
        own.createOffer(options)
            .then(function (offer) {
                return own.setLocalDescription(offer);
            })
            .then(function () {
                if (links[link.peer.id] === link) {
                    send({ type: 'offer', to: link.peer.id, sdp: own.localDescription.sdp });
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
        var link = links[message.from];
        if (!link) {
            // an offer without peer-joined before it: pair with the sender (the advisor, or a guest/citizen)
            link = createLink({ id: message.from, role: message.from.indexOf('advisor-') === 0 ? 'ADVISOR' : 'GUEST', name: '' });
        }
        if (offersTo(link.peer)) {
            return; // we offer to this one: glare, ignore theirs
        }
        var own = link.pc;
        own.setRemoteDescription({ type: 'offer', sdp: message.sdp })
            .then(function () {
                return flushCandidates(link);
            })
            .then(function () {
                return own.createAnswer();
            })
            .then(function (answer) {
                return own.setLocalDescription(answer);
            })
            .then(function () {
                if (links[link.peer.id] === link) {
                    send({ type: 'answer', to: link.peer.id, sdp: own.localDescription.sdp });
                }
            })
            .catch(function () {
                el.status.textContent = text('connection-lost');
            });
    }

    function onAnswer(message) {
        var link = links[message.from];
        if (!link || !offersTo(link.peer) || link.pc.signalingState !== 'have-local-offer') {
            return;
        }
        link.pc.setRemoteDescription({ type: 'answer', sdp: message.sdp })
            .then(function () {
                return flushCandidates(link);
            })
            .catch(function () {
                el.status.textContent = text('connection-lost');
            });
    }

    function onCandidate(message) {
        var link = links[message.from];
        if (!link) {
            return;
        }
        if (!link.pc.remoteDescription) {
            link.pending.push(message.candidate);
            return;
        }
        addCandidate(link.pc, message.candidate);
    }

    function flushCandidates(link) {
        var queued = link.pending;
        link.pending = [];
        return Promise.all(queued.map(function (candidate) {
            return addCandidate(link.pc, candidate);
        }));
    }

    function addCandidate(own, candidate) {
        // null = end of candidates; a candidate that does not fit is ignored (it only costs a path)
        return own.addIceCandidate(candidate || undefined).catch(function () { });
    }

    /**
     * Tells the server once per connection whether the media path goes through TURN, how long the
     * first frame took, and whether this is a connection that came back (for the call record).
     */
    function reportConnection(link, recovered) {
        if (link.connectionReported) {
            return;
        }
        link.connectionReported = true;
        var own = link.pc;
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
            if (local && links[link.peer.id] === link) {
                var message = { type: 'connection', relayed: local.candidateType === 'relay', recovered: !!recovered };
                if (!recovered) {
                    reportFirstFrameLater(link, message);
                } else {
                    send(message);
                }
            } else {
                link.connectionReported = false;
            }
        }, function () {
            link.connectionReported = false;
        });
    }

    /** The first remote frame follows the connection by a moment: wait for it (at most 5 s) before reporting. */
    function reportFirstFrameLater(link, message) {
        var waited = 0;
        var timer = setInterval(function () {
            waited += 250;
            if (link.firstFrameAt || waited >= 5000 || links[link.peer.id] !== link) {
                clearInterval(timer);
                if (link.firstFrameAt) {
                    message.firstFrameMs = Math.max(0, Math.round(link.firstFrameAt - link.enteredAt));
                }
                send(message);
            }
        }, 250);
    }

    // Everyone starts in high quality; only a different start (low from the device test) or a change is reported.
    hook.sentQuality = 'high';
    root.addEventListener('videotermin:quality', function (event) {
        var mode = event.detail;
        if (mode === 'high' || mode === 'low' || mode === 'audio') {
            if (hook.sentQuality !== mode && Object.keys(links).length) {
                hook.sentQuality = mode;
                send({ type: 'quality', mode: mode });
            }
        }
    });

    // The advisor withdrew a guest's invitation (room-guests.js): take them out of the call too.
    root.addEventListener('videotermin:remove', function (event) {
        if (isAdvisor && typeof event.detail === 'string' && event.detail) {
            send({ type: 'remove', participantId: event.detail });
        }
    });

    function closeLink(id) {
        var link = links[id];
        if (!link) {
            return;
        }
        delete links[id];
        clearTimeout(link.restartTimer);
        if (link.chat) {
            try {
                link.chat.close();
            } catch (e) { /* already closed */ }
        }
        try {
            link.pc.close();
        } catch (e) { /* already closed */ }
        releaseTile(link);
        updateHook();
        updateChatEnabled();
    }

    function closePeerConnection() {
        Object.keys(links).forEach(closeLink);
    }

    // ------------------------------------------------------------------ chat (peer to peer only)

    function bindChat(link, channel) {
        channel.addEventListener('open', updateChatEnabled);
        channel.addEventListener('close', updateChatEnabled);
        channel.addEventListener('message', function (event) {
            if (typeof event.data === 'string') {
                showChat('peer', event.data.slice(0, MAX_CHAT_LENGTH), link.peer);
            }
        });
    }

    function openChats() {
        return Object.keys(links).map(function (id) {
            return links[id].chat;
        }).filter(function (channel) {
            return channel && channel.readyState === 'open';
        });
    }

    function updateChatEnabled() {
        setChatEnabled(openChats().length > 0);
    }

    function setChatEnabled(enabled) {
        el.chatInput.disabled = !enabled;
        el.chatSend.disabled = !enabled;
        el.chatHint.textContent = enabled ? text('chat-ready') : text('chat-unavailable');
    }

    function showChat(from, message, sender) {
        var entry = { from: from, name: from === 'self' ? text('you') : peerName(sender), text: message, at: new Date().toISOString() };
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
        var channels = openChats();
        if (!message || channels.length === 0) {
            return;
        }
        channels.forEach(function (channel) {
            channel.send(message);
        });
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
