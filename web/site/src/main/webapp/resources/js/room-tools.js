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

    var pc = null;
    var control = null;
    var cameraTrack = null;
    var screenTrack = null;
    var statsTimer = null;
    var lastBytes = null;
    var suggested = false;

    root.addEventListener('videotermin:peerconnection', function (event) {
        attach(event.detail);
    });

    function attach(connection) {
        pc = connection;
        control = pc.createDataChannel('control', { negotiated: true, id: 7 });
        control.addEventListener('message', onControl);
        control.addEventListener('open', function () {
            sendControl({ kind: 'receive-quality', value: receiveWish() });
            sendControl({ kind: 'muted', value: selfMuted() });
        });
        pc.addEventListener('connectionstatechange', function () {
            if (pc === connection && pc.connectionState === 'connected') {
                showSafetyCode();
                applyQuality();
            }
        });
        pc.addEventListener('track', function (e) {
            if (e.track.kind === 'audio') {
                meter(new MediaStream([e.track]), el.peerSpeaking);
            }
        });
        if (!statsTimer) {
            statsTimer = window.setInterval(watchStats, 2000);
        }
    }

    function sendControl(message) {
        if (control && control.readyState === 'open') {
            control.send(JSON.stringify(message));
        }
    }

    function onControl(event) {
        var message;
        try {
            message = JSON.parse(event.data);
        } catch (e) {
            return;
        }
        if (message.kind === 'receive-quality' && PROFILES[message.value]) {
            tools.remoteQualityRequest = message.value;
            applyQuality();
        } else if (message.kind === 'muted') {
            tools.remoteMuted = !!message.value;
            if (el.peerMuted) {
                el.peerMuted.hidden = !tools.remoteMuted;
            }
            announce(tools.remoteMuted ? text('peer-muted') : text('peer-unmuted'));
        }
    }

    // ------------------------------------------------------------------ quality

    /** What this side asks the other to send: in data-budget mode never more than low. */
    function receiveWish() {
        var chosen = el.quality ? el.quality.value : 'high';
        return el.budget && el.budget.checked && chosen === 'high' ? 'low' : chosen;
    }

    function effectiveSendQuality() {
        var own = el.quality ? el.quality.value : 'high';
        if (el.budget && el.budget.checked && own === 'high') {
            own = 'low';
        }
        // send the lower of what I chose and what the other side asked to receive
        return ORDER[Math.min(ORDER.indexOf(own), ORDER.indexOf(tools.remoteQualityRequest))];
    }

    function videoSender() {
        if (!pc) {
            return null;
        }
        var senders = pc.getSenders().filter(function (s) { return s.track && s.track.kind === 'video'; });
        return senders[0] || null;
    }

    function applyQuality() {
        var quality = effectiveSendQuality();
        tools.quality = quality;
        root.setAttribute('data-quality', quality);
        var sender = videoSender();
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

    function onQualityChosen() {
        suggested = false;
        if (el.suggestion) {
            el.suggestion.hidden = true;
        }
        sendControl({ kind: 'receive-quality', value: receiveWish() });
        applyQuality();
        announce(text('quality-' + effectiveSendQuality()));
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
        tools.quality = effectiveSendQuality();
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
    function watchStats() {
        if (!pc || pc.connectionState === 'closed') {
            return;
        }
        pc.getStats().then(function (stats) {
            var bytes = 0;
            var lost = 0;
            var received = 0;
            var available = null;
            stats.forEach(function (s) {
                if (s.type === 'transport') {
                    bytes += (s.bytesSent || 0) + (s.bytesReceived || 0);
                }
                if (s.type === 'inbound-rtp' && s.kind === 'video') {
                    lost += s.packetsLost || 0;
                    received += s.packetsReceived || 0;
                }
                if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) {
                    available = s.availableOutgoingBitrate;
                }
            });
            tools.bytesUsed = bytes;
            if (el.dataUsed) {
                el.dataUsed.textContent = (bytes / 1e6).toFixed(1);
            }
            var lossRate = lastBytes && received > lastBytes.received
                ? (lost - lastBytes.lost) / Math.max(1, (received - lastBytes.received) + (lost - lastBytes.lost)) : 0;
            lastBytes = { lost: lost, received: received };
            var weak = lossRate > 0.08 || (available !== null && available < 300000);
            if (weak && effectiveSendQuality() === 'high' && !suggested && el.suggestion) {
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

    function startSharing() {
        var sender = videoSender();
        if (!sender) {
            announce(text('share-unavailable'));
            return;
        }
        navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }).then(function (stream) {
            screenTrack = stream.getVideoTracks()[0];
            tools.screenWidth = screenTrack.getSettings().width || null;
            if ('contentHint' in screenTrack) {
                screenTrack.contentHint = 'detail';   // text on a form: sharpness before smoothness
            }
            cameraTrack = sender.track;
            screenTrack.addEventListener('ended', stopSharing);
            return sender.replaceTrack(screenTrack).then(function () {
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
        var sender = videoSender();
        var wasSharing = tools.sharing;
        tools.sharing = false;
        if (screenTrack) {
            screenTrack.stop();
            screenTrack = null;
        }
        if (sender && cameraTrack) {
            sender.replaceTrack(cameraTrack).then(applyQuality);
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

    function showSafetyCode() {
        if (!pc || !pc.localDescription || !pc.remoteDescription) {
            return;
        }
        safetyCode(pc.localDescription.sdp, pc.remoteDescription.sdp).then(function (code) {
            tools.code = code;
            if (el.safety) {
                el.safety.textContent = code || text('safety-unavailable');
            }
        });
    }

    // ------------------------------------------------------------------ activity and mute

    function selfMuted() {
        return el.mute && el.mute.getAttribute('aria-pressed') === 'true';
    }

    if (el.mute) {
        new MutationObserver(function () {
            sendControl({ kind: 'muted', value: selfMuted() });
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
