/*
 * Videotermin room tools, beside room.js: screen sharing, picture quality (high / low / audio
 * only) for what one sends and what one receives, a data-budget mode with megabytes used, a
 * suggestion to lower the quality when the connection degrades, the safety code, and audio
 * activity and mute state of both sides.
 *
 * It attaches to every peer connection room.js creates (event 'videotermin:peerconnection' on
 * #room) and talks to the other browser over a negotiated RTCDataChannel 'control' (id 7), never
 * through the server. Test hook: window.videotermin.tools = { quality, sharing, safetyCode(...),
 * bytesUsed, remoteQualityRequest, remoteMuted }.
 */
(function () {
    'use strict';

    var root = document.getElementById('room');
    if (!root || !window.RTCPeerConnection) {
        return;
    }
    var hook = window.videotermin || (window.videotermin = {});
    var tools = {
        quality: 'high', sharing: false, bytesUsed: 0, remoteQualityRequest: 'high', remoteMuted: false,
        safetyCode: safetyCode
    };
    hook.tools = tools;

    /** Low quality keeps outbound video under 250 kbit/s; audio-only sends no video at all. */
    var PROFILES = {
        high: { active: true, maxBitrate: 1500000, scaleResolutionDownBy: 1, maxFramerate: 30 },
        low: { active: true, maxBitrate: 200000, scaleResolutionDownBy: 4, maxFramerate: 15 },
        audio: { active: false }
    };
    var ORDER = ['audio', 'low', 'high'];

    var el = {
        share: document.getElementById('room-share'),
        shareHint: document.getElementById('room-share-hint'),
        sharing: document.getElementById('room-sharing-indicator'),
        quality: document.getElementById('room-quality'),
        budget: document.getElementById('room-budget'),
        dataUsed: document.getElementById('room-data-used'),
        suggestion: document.getElementById('room-quality-suggestion'),
        suggestionApply: document.getElementById('room-quality-suggestion-apply'),
        safety: document.getElementById('room-safety-code'),
        selfSpeaking: document.getElementById('room-self-speaking'),
        peerSpeaking: document.getElementById('room-peer-speaking'),
        peerMuted: document.getElementById('room-peer-muted'),
        announce: document.getElementById('room-announce'),
        mute: document.getElementById('room-mute')
    };

    function text(key) {
        var attribute = 'text' + key.split('-').map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1); }).join('');
        return root.dataset[attribute] || '';
    }

    function announce(message) {
        if (el.announce) {
            el.announce.textContent = message;
        }
    }

    /** One entry per peer connection room.js made: {pc, peer, tile, control, remoteQuality, remoteMuted, code}. */
    var connections = [];
    var cameraTrack = null;
    var screenTrack = null;
    var statsTimer = null;
    var lastBytes = null;
    var suggested = false;

    root.addEventListener('videotermin:peerconnection', function (event) {
        attach(event.detail);
    });

    function live() {
        connections = connections.filter(function (c) {
            return c.pc.connectionState !== 'closed' && c.pc.signalingState !== 'closed';
        });
        return connections;
    }

    /** The connection to the main participant (room.js's window.videotermin.pc), else the first. */
    function mainConnection() {
        var all = live();
        for (var i = 0; i < all.length; i++) {
            if (all[i].pc === hook.pc) {
                return all[i];
            }
        }
        return all[0] || null;
    }

    function attach(detail) {
        var connection = {
            pc: detail.pc, peer: detail.peer, tile: detail.tile, control: null,
            remoteQuality: 'high', remoteMuted: false, code: null
        };
        connections.push(connection);
        var pc = connection.pc;
        var control = pc.createDataChannel('control', { negotiated: true, id: 7 });
        connection.control = control;
        control.addEventListener('message', function (e) {
            onControl(connection, e);
        });
        control.addEventListener('open', function () {
            sendControl(connection, { kind: 'receive-quality', value: receiveWish() });
            sendControl(connection, { kind: 'muted', value: selfMuted() });
        });
        pc.addEventListener('connectionstatechange', function () {
            if (pc.connectionState === 'connected') {
                showSafetyCode(connection);
                applyQuality(connection);
            }
        });
        pc.addEventListener('track', function (e) {
            if (e.track.kind === 'audio') {
                meter(new MediaStream([e.track]), connection.tile && connection.tile.speaking);
            }
        });
        if (tools.sharing && screenTrack) {
            // someone joins while the screen is shared: they see the screen too
            var sender = videoSender(connection);
            if (sender) {
                sender.replaceTrack(screenTrack);
            }
        }
        if (!statsTimer) {
            statsTimer = window.setInterval(watchStats, 2000);
        }
    }

    function sendControl(connection, message) {
        if (connection.control && connection.control.readyState === 'open') {
            connection.control.send(JSON.stringify(message));
        }
    }

    function broadcast(message) {
        live().forEach(function (connection) {
            sendControl(connection, message);
        });
    }

    function onControl(connection, event) {
        var message;
        try {
            message = JSON.parse(event.data);
        } catch (e) {
            return;
        }
        if (message.kind === 'receive-quality' && PROFILES[message.value]) {
            connection.remoteQuality = message.value;
            if (connection === mainConnection()) {
                tools.remoteQualityRequest = message.value;
            }
            applyQuality(connection);
        } else if (message.kind === 'muted') {
            connection.remoteMuted = !!message.value;
            if (connection === mainConnection()) {
                tools.remoteMuted = connection.remoteMuted;
            }
            if (connection.tile && connection.tile.muted) {
                connection.tile.muted.hidden = !connection.remoteMuted;
            }
            announce(connection.remoteMuted ? text('peer-muted') : text('peer-unmuted'));
        }
    }

    // ------------------------------------------------------------------ quality

    /** What this side asks the other to send: in data-budget mode never more than low. */
    function receiveWish() {
        var chosen = el.quality ? el.quality.value : 'high';
        return el.budget && el.budget.checked && chosen === 'high' ? 'low' : chosen;
    }

    function ownQuality() {
        var own = el.quality ? el.quality.value : 'high';
        return el.budget && el.budget.checked && own === 'high' ? 'low' : own;
    }

    /** What goes to one participant: the lower of what I chose and what they asked to receive. */
    function effectiveSendQuality(connection) {
        var wish = connection ? connection.remoteQuality : tools.remoteQualityRequest;
        return ORDER[Math.min(ORDER.indexOf(ownQuality()), ORDER.indexOf(wish))];
    }

    function videoSender(connection) {
        if (!connection) {
            return null;
        }
        var senders = connection.pc.getSenders().filter(function (s) { return s.track && s.track.kind === 'video'; });
        return senders[0] || null;
    }

    /** Applies the quality to one connection, or to all of them. */
    function applyQuality(connection) {
        if (!connection) {
            return Promise.all(live().map(applyQuality)).then(reportQuality);
        }
        var quality = effectiveSendQuality(connection);
        if (connection === mainConnection()) {
            tools.quality = quality;
            root.setAttribute('data-quality', quality);
        }
        reportQuality();
        var sender = videoSender(connection);
        if (!sender) {
            return Promise.resolve();
        }
        var profile = PROFILES[quality];
        var parameters = sender.getParameters();
        if (!parameters.encodings || !parameters.encodings.length) {
            parameters.encodings = [{}];
        }
        // A shared form must stay legible: keep the resolution, drop frames instead when short of bandwidth or CPU.
        parameters.degradationPreference = tools.sharing ? 'maintain-resolution' : 'balanced';
        parameters.encodings.forEach(function (encoding) {
            encoding.active = profile.active;
            if (profile.active) {
                encoding.maxBitrate = profile.maxBitrate;
                encoding.scaleResolutionDownBy = tools.sharing ? 1 : profile.scaleResolutionDownBy;
                encoding.maxFramerate = profile.maxFramerate;
            }
        });
        return sender.setParameters(parameters).catch(function () { /* not negotiated yet */ });
    }

    /** room.js tells signalling, for the call record: the quality this side sends (to the main participant). */
    function reportQuality() {
        var main = mainConnection();
        if (main) {
            root.dispatchEvent(new CustomEvent('videotermin:quality', { detail: effectiveSendQuality(main) }));
        }
    }

    function onQualityChosen() {
        suggested = false;
        if (el.suggestion) {
            el.suggestion.hidden = true;
        }
        broadcast({ kind: 'receive-quality', value: receiveWish() });
        applyQuality();
        announce(text('quality-' + effectiveSendQuality(mainConnection())));
    }

    if (el.quality) {
        // carried over from the device test (a weak connection starts in low quality)
        try {
            var carried = window.sessionStorage.getItem('videotermin.quality');
            if (carried && PROFILES[carried]) {
                el.quality.value = carried;
            }
        } catch (ignored) {
            // private mode
        }
        tools.quality = effectiveSendQuality(null);
        el.quality.addEventListener('change', onQualityChosen);
    }
    if (el.budget) {
        el.budget.addEventListener('change', onQualityChosen);
    }
    if (el.suggestionApply) {
        el.suggestionApply.addEventListener('click', function () {
            el.quality.value = 'low';
            onQualityChosen();
        });
    }

    /** Megabytes used, and a suggestion to lower the quality when loss or bandwidth say so. */
    /** Megabytes used so far in this call, over all connections (closed ones included). */
    var bytesOfClosed = 0;
    var lastBytesByPc = new Map();

    function watchStats() {
        var all = live();
        lastBytesByPc.forEach(function (bytes, pc) {
            if (all.every(function (c) { return c.pc !== pc; })) {
                bytesOfClosed += bytes;
                lastBytesByPc.delete(pc);
            }
        });
        if (!all.length) {
            return;
        }
        Promise.all(all.map(function (c) {
            return c.pc.getStats().then(function (stats) {
                return { pc: c.pc, stats: stats };
            }, function () {
                return null;
            });
        })).then(function (results) {
            var bytes = 0;
            var lost = 0;
            var received = 0;
            var available = null;
            results.forEach(function (result) {
                if (!result) {
                    return;
                }
                var ofThis = 0;
                result.stats.forEach(function (s) {
                    if (s.type === 'transport') {
                        ofThis += (s.bytesSent || 0) + (s.bytesReceived || 0);
                    }
                    if (s.type === 'inbound-rtp' && s.kind === 'video') {
                        lost += s.packetsLost || 0;
                        received += s.packetsReceived || 0;
                    }
                    if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) {
                        available = available === null ? s.availableOutgoingBitrate : Math.min(available, s.availableOutgoingBitrate);
                    }
                });
                lastBytesByPc.set(result.pc, ofThis);
                bytes += ofThis;
            });
            bytes += bytesOfClosed;
            tools.bytesUsed = bytes;
            if (el.dataUsed) {
                el.dataUsed.textContent = (bytes / 1e6).toFixed(1);
            }
            var lossRate = lastBytes && received > lastBytes.received
                ? (lost - lastBytes.lost) / Math.max(1, (received - lastBytes.received) + (lost - lastBytes.lost)) : 0;
            lastBytes = { lost: lost, received: received };
            var weak = lossRate > 0.08 || (available !== null && available < 300000);
            if (weak && effectiveSendQuality(mainConnection()) === 'high' && !suggested && el.suggestion) {
                suggested = true;
                el.suggestion.hidden = false;
                if (el.budget && el.budget.checked) {
                    el.quality.value = 'low';   // data-budget mode lowers by itself
                    onQualityChosen();
                }
            }
        }).catch(function () { /* connection closing */ });
    }

    // ------------------------------------------------------------------ screen sharing

    var canShare = !!(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia);
    if (el.share) {
        if (!canShare) {
            el.share.setAttribute('aria-disabled', 'true');
            el.shareHint.textContent = text('share-unsupported');
        }
        el.share.addEventListener('click', function () {
            if (!canShare) {
                el.shareHint.textContent = text('share-unsupported');
                announce(text('share-unsupported'));
                return;
            }
            if (tools.sharing) {
                stopSharing();
            } else {
                startSharing();
            }
        });
    }

    function videoSenders() {
        return live().map(videoSender).filter(function (sender) { return !!sender; });
    }

    function startSharing() {
        var senders = videoSenders();
        if (!senders.length) {
            announce(text('share-unavailable'));
            return;
        }
        navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }).then(function (stream) {
            screenTrack = stream.getVideoTracks()[0];
            tools.screenWidth = screenTrack.getSettings().width || null;
            if ('contentHint' in screenTrack) {
                screenTrack.contentHint = 'detail';   // text on a form: sharpness before smoothness
            }
            cameraTrack = senders[0].track;
            screenTrack.addEventListener('ended', stopSharing);
            return Promise.all(senders.map(function (sender) {
                return sender.replaceTrack(screenTrack);
            })).then(function () {
                tools.sharing = true;
                el.share.setAttribute('aria-pressed', 'true');
                el.share.textContent = text('share-stop');
                el.sharing.hidden = false;
                announce(text('sharing-started'));
                return applyQuality();
            });
        }).catch(function () {
            announce(text('share-cancelled'));
        });
    }

    function stopSharing() {
        var senders = videoSenders();
        var wasSharing = tools.sharing;
        tools.sharing = false;
        if (screenTrack) {
            screenTrack.stop();
            screenTrack = null;
        }
        if (cameraTrack) {
            Promise.all(senders.map(function (sender) {
                return sender.replaceTrack(cameraTrack);
            })).then(function () {
                return applyQuality();
            });
        }
        el.share.setAttribute('aria-pressed', 'false');
        el.share.textContent = text('share-start');
        el.sharing.hidden = true;
        if (wasSharing) {
            announce(text('sharing-stopped'));
        }
    }

    // ------------------------------------------------------------------ safety code

    function fingerprints(sdp) {
        return (sdp || '').split(/\r?\n/)
            .filter(function (line) { return line.indexOf('a=fingerprint:') === 0; })
            .map(function (line) { return line.substring('a=fingerprint:'.length).trim().toLowerCase(); });
    }

    /**
     * Six digits from SHA-256 over both sides' DTLS fingerprints, sorted so that both compute the
     * same. A man in the middle on the signalling path must substitute fingerprints, which
     * changes the code on at least one side.
     */
    function safetyCode(localSdp, remoteSdp) {
        var all = fingerprints(localSdp).concat(fingerprints(remoteSdp)).sort();
        if (all.length < 2 || !window.crypto || !window.crypto.subtle) {
            return Promise.resolve(null);
        }
        var data = new TextEncoder().encode(all.join('|'));
        return window.crypto.subtle.digest('SHA-256', data).then(function (digest) {
            var view = new DataView(digest);
            var number = view.getUint32(0) % 1000000;
            var digits = ('000000' + number).slice(-6);
            return digits.slice(0, 3) + ' ' + digits.slice(3);
        });
    }

    /**
     * One code per connection: with three participants each pair compares its own code aloud. The
     * main connection's code is the large one; the others are listed with the participant's name.
     */
    tools.codes = {};

    function showSafetyCode(connection) {
        var pc = connection.pc;
        if (!pc.localDescription || !pc.remoteDescription) {
            return;
        }
        safetyCode(pc.localDescription.sdp, pc.remoteDescription.sdp).then(function (code) {
            connection.code = code;
            if (connection.peer) {
                tools.codes[connection.peer.id] = code;
            }
            renderCodes();
        });
    }

    function renderCodes() {
        var main = mainConnection();
        tools.code = main ? main.code : null;
        if (el.safety) {
            el.safety.textContent = (main && main.code) || text('safety-unavailable');
        }
        var list = document.getElementById('room-safety-others');
        if (!list) {
            return;
        }
        while (list.firstChild) {
            list.removeChild(list.firstChild);
        }
        live().forEach(function (c) {
            if (c !== main && c.code && c.peer) {
                var item = document.createElement('li');
                item.textContent = (c.peer.name || c.peer.role) + ': ' + c.code;
                list.appendChild(item);
            }
        });
        list.hidden = !list.firstChild;
    }

    // ------------------------------------------------------------------ activity and mute

    function selfMuted() {
        return el.mute && el.mute.getAttribute('aria-pressed') === 'true';
    }

    if (el.mute) {
        new MutationObserver(function () {
            broadcast({ kind: 'muted', value: selfMuted() });
            announce(selfMuted() ? text('self-muted') : text('self-unmuted'));
        }).observe(el.mute, { attributes: true, attributeFilter: ['aria-pressed'] });
    }

    var audioContext = null;
    function meter(stream, indicator) {
        if (!indicator || !(window.AudioContext || window.webkitAudioContext)) {
            return;
        }
        audioContext = audioContext || new (window.AudioContext || window.webkitAudioContext)();
        var analyser = audioContext.createAnalyser();
        analyser.fftSize = 512;
        audioContext.createMediaStreamSource(stream).connect(analyser);
        var samples = new Uint8Array(analyser.fftSize);
        window.setInterval(function () {
            analyser.getByteTimeDomainData(samples);
            var peak = 0;
            for (var i = 0; i < samples.length; i++) {
                peak = Math.max(peak, Math.abs(samples[i] - 128));
            }
            var speaking = peak > 10;
            if (indicator.getAttribute('data-speaking') !== String(speaking)) {
                indicator.setAttribute('data-speaking', String(speaking));
            }
        }, 150);
    }

    var waitForLocal = window.setInterval(function () {
        if (hook.localStream) {
            window.clearInterval(waitForLocal);
            if (hook.localStream.getAudioTracks().length) {
                meter(new MediaStream(hook.localStream.getAudioTracks()), el.selfSpeaking);
            }
        }
    }, 300);
}());
