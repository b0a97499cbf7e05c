/*
 * Videotermin device and network test (click 2 of the citizen's or an invited guest's way in, or a rehearsal days before).
 * The markup comes from WEB-INF/includes/device-test.xhtml; each page says where the report goes (data-check-url).
 *
 * Camera preview, microphone level, a speaker test tone, device pickers, and a connection test:
 * a loopback call inside this page between two peer connections that may only use our own TURN
 * server (iceTransportPolicy 'relay'), so it measures exactly the path a relayed call would take.
 * The measurements (no IP addresses, no device labels) go to our server, which decides the verdict
 * and shows it to the advisor. Choices are kept in sessionStorage for the room page.
 *
 * No inline script anywhere: everything comes from data-* attributes of #device-test.
 * Test hook: window.videoterminDeviceTest = { state, result, verdict }.
 */
(function () {
    'use strict';

    var root = document.getElementById('device-test');
    if (!root) {
        return;
    }
    var data = root.dataset;
    var hook = { state: 'starting', result: null, verdict: null };
    window.videoterminDeviceTest = hook;

    var el = {
        preview: document.getElementById('dt-preview'),
        cameraStatus: document.getElementById('dt-camera-status'),
        micLevel: document.getElementById('dt-mic-level'),
        micStatus: document.getElementById('dt-mic-status'),
        camera: document.getElementById('dt-camera'),
        microphone: document.getElementById('dt-microphone'),
        speaker: document.getElementById('dt-speaker'),
        speakerField: document.getElementById('dt-speaker-field'),
        speakerTest: document.getElementById('dt-speaker-test'),
        networkTest: document.getElementById('dt-network-test'),
        networkStatus: document.getElementById('dt-network-status'),
        verdict: document.getElementById('dt-verdict')
    };

    function text(key) {
        return data['text' + key.replace(/(^|-)([a-z])/g, function (m, d, c) { return c.toUpperCase(); })] || key;
    }

    var stream = null;
    var audioContext = null;
    var meterTimer = null;
    var cameraOk = false;
    var microphoneOk = false;

    function chosen() {
        try {
            return JSON.parse(window.sessionStorage.getItem('videotermin.devices') || '{}') || {};
        } catch (ignored) {
            return {};
        }
    }

    function remember() {
        var choice = {
            camera: el.camera.value || null,
            microphone: el.microphone.value || null,
            speaker: el.speaker && el.speaker.value || null
        };
        try {
            window.sessionStorage.setItem('videotermin.devices', JSON.stringify(choice));
        } catch (ignored) {
            // private mode: the room falls back to the default devices
        }
    }

    function stopStream() {
        if (stream) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            stream = null;
        }
        if (meterTimer) {
            window.clearInterval(meterTimer);
            meterTimer = null;
        }
    }

    function startDevices() {
        stopStream();
        var choice = chosen();
        var constraints = {
            video: choice.camera ? { deviceId: { exact: choice.camera } } : true,
            audio: choice.microphone ? { deviceId: { exact: choice.microphone } } : true
        };
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            el.cameraStatus.textContent = text('no-support');
            return Promise.resolve();
        }
        return navigator.mediaDevices.getUserMedia(constraints).then(function (s) {
            stream = s;
            cameraOk = s.getVideoTracks().length > 0;
            microphoneOk = s.getAudioTracks().length > 0;
            el.preview.srcObject = s;
            el.cameraStatus.textContent = cameraOk ? text('camera-ok') : text('camera-missing');
            startMeter(s);
            return listDevices();
        }).catch(function () {
            cameraOk = false;
            microphoneOk = false;
            el.cameraStatus.textContent = text('camera-refused');
            el.micStatus.textContent = text('mic-refused');
        });
    }

    function startMeter(s) {
        if (!s.getAudioTracks().length || !(window.AudioContext || window.webkitAudioContext)) {
            el.micStatus.textContent = text('mic-missing');
            return;
        }
        audioContext = audioContext || new (window.AudioContext || window.webkitAudioContext)();
        var source = audioContext.createMediaStreamSource(s);
        var analyser = audioContext.createAnalyser();
        analyser.fftSize = 512;
        source.connect(analyser);
        var samples = new Uint8Array(analyser.fftSize);
        var heard = false;
        meterTimer = window.setInterval(function () {
            analyser.getByteTimeDomainData(samples);
            var peak = 0;
            for (var i = 0; i < samples.length; i++) {
                peak = Math.max(peak, Math.abs(samples[i] - 128));
            }
            var level = Math.min(100, Math.round(peak / 128 * 100 * 2));
            el.micLevel.value = level;
            if (level > 4 && !heard) {
                heard = true;
                el.micStatus.textContent = text('mic-ok');
            }
        }, 100);
        el.micStatus.textContent = text('mic-speak');
    }

    function fill(select, devices, kind, current) {
        while (select.firstChild) {
            select.removeChild(select.firstChild);
        }
        devices.filter(function (d) { return d.kind === kind; }).forEach(function (d, i) {
            var option = document.createElement('option');
            option.value = d.deviceId;
            option.textContent = d.label || (text('device') + ' ' + (i + 1));
            option.selected = d.deviceId === current;
            select.appendChild(option);
        });
        select.disabled = select.options.length === 0;
    }

    function listDevices() {
        return navigator.mediaDevices.enumerateDevices().then(function (devices) {
            var choice = chosen();
            var videoTrack = stream && stream.getVideoTracks()[0];
            var audioTrack = stream && stream.getAudioTracks()[0];
            fill(el.camera, devices, 'videoinput', choice.camera || (videoTrack && videoTrack.getSettings().deviceId));
            fill(el.microphone, devices, 'audioinput', choice.microphone || (audioTrack && audioTrack.getSettings().deviceId));
            var canPickSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
            el.speakerField.hidden = !canPickSpeaker;
            if (canPickSpeaker) {
                fill(el.speaker, devices, 'audiooutput', choice.speaker);
            }
            remember();
        });
    }

    function playTestTone() {
        audioContext = audioContext || new (window.AudioContext || window.webkitAudioContext)();
        var sink = el.speaker && !el.speakerField.hidden ? el.speaker.value : null;
        var ready = sink && audioContext.setSinkId ? audioContext.setSinkId(sink).catch(function () {}) : Promise.resolve();
        ready.then(function () {
            var oscillator = audioContext.createOscillator();
            var gain = audioContext.createGain();
            oscillator.frequency.value = 660;
            gain.gain.value = 0.2;
            oscillator.connect(gain).connect(audioContext.destination);
            oscillator.start();
            oscillator.stop(audioContext.currentTime + 1);
            el.verdict.textContent = text('speaker-played');
        });
    }

    // ------------------------------------------------------------- network test through TURN

    function browserFamily() {
        var ua = navigator.userAgent;
        if (/Edg\//.test(ua)) { return 'edge'; }
        if (/Firefox\//.test(ua)) { return 'firefox'; }
        if (/Chrome\//.test(ua) || /Chromium\//.test(ua)) { return 'chrome'; }
        if (/Safari\//.test(ua)) { return 'safari'; }
        return 'other';
    }

    function median(values) {
        var sorted = values.slice().sort(function (a, b) { return a - b; });
        return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
    }

    function loopbackThroughTurn() {
        var config = { iceServers: JSON.parse(data.iceServers || '[]'), iceTransportPolicy: 'relay' };
        var a = new RTCPeerConnection(config);
        var b = new RTCPeerConnection(config);
        var cleanup = function () { a.close(); b.close(); };
        a.onicecandidate = function (e) { if (e.candidate) { b.addIceCandidate(e.candidate).catch(function () {}); } };
        b.onicecandidate = function (e) { if (e.candidate) { a.addIceCandidate(e.candidate).catch(function () {}); } };
        var channel = a.createDataChannel('probe', { ordered: true });
        var received = new Promise(function (resolve) {
            b.ondatachannel = function (e) { resolve(e.channel); };
        });
        var opened = new Promise(function (resolve) { channel.onopen = resolve; });
        var timeout = new Promise(function (resolve, reject) {
            window.setTimeout(function () { reject(new Error('timeout')); }, 12000);
        });
        var measure = a.createOffer()
            .then(function (offer) { return a.setLocalDescription(offer); })
            .then(function () { return b.setRemoteDescription(a.localDescription); })
            .then(function () { return b.createAnswer(); })
            .then(function (answer) { return b.setLocalDescription(answer); })
            .then(function () { return a.setRemoteDescription(b.localDescription); })
            .then(function () { return Promise.all([opened, received]); })
            .then(function (channels) { return roundTrips(channel, channels[1]); })
            .then(function (rtt) {
                return throughput(channel).then(function (kbps) { return { rtt: rtt, kbps: kbps }; });
            });
        return Promise.race([measure, timeout]).then(function (r) { cleanup(); return r; },
            function (e) { cleanup(); throw e; });
    }

    function roundTrips(sender, echo) {
        echo.onmessage = function (e) { if (typeof e.data === 'string') { echo.send(e.data); } };
        var samples = [];
        return new Promise(function (resolve) {
            var sentAt = 0;
            sender.onmessage = function () {
                samples.push(performance.now() - sentAt);
                if (samples.length >= 10) {
                    resolve(Math.round(median(samples)));
                } else {
                    sentAt = performance.now();
                    sender.send('ping');
                }
            };
            sentAt = performance.now();
            sender.send('ping');
        });
    }

    /** Sends as fast as the channel takes it for one second; what the other side got is the bitrate. */
    function throughput(sender) {
        return new Promise(function (resolve) {
            var chunk = new Uint8Array(16 * 1024);
            var sent = 0;
            var started = performance.now();
            sender.bufferedAmountLowThreshold = 256 * 1024;
            function pump() {
                while (sender.bufferedAmount < 1024 * 1024 && performance.now() - started < 1000) {
                    sender.send(chunk);
                    sent += chunk.length;
                }
                if (performance.now() - started < 1000) {
                    sender.onbufferedamountlow = pump;
                } else {
                    sender.onbufferedamountlow = null;
                    var delivered = sent - sender.bufferedAmount;
                    var seconds = (performance.now() - started) / 1000;
                    resolve(Math.round(delivered * 8 / 1000 / seconds));
                }
            }
            pump();
            window.setTimeout(pump, 1050);
        });
    }

    function runNetworkTest() {
        el.networkTest.disabled = true;
        hook.state = 'testing-network';
        el.networkStatus.textContent = text('network-testing');
        var result = {
            rehearsal: data.rehearsal === 'true',
            browserFamily: browserFamily(),
            cameraOk: cameraOk,
            microphoneOk: microphoneOk,
            relayOk: false,
            roundTripMs: null,
            bitrateKbps: null
        };
        var test = window.RTCPeerConnection ? loopbackThroughTurn() : Promise.reject(new Error('no webrtc'));
        return test.then(function (m) {
            result.relayOk = true;
            result.roundTripMs = m.rtt;
            result.bitrateKbps = Math.min(m.kbps, 1000000);
            el.networkStatus.textContent = text('network-measured')
                .replace('{rtt}', String(m.rtt)).replace('{kbps}', String(result.bitrateKbps));
        }, function () {
            el.networkStatus.textContent = text('network-failed');
        }).then(function () {
            hook.result = result;
            return report(result);
        }).then(function () {
            el.networkTest.disabled = false;
        });
    }

    function report(result) {
        return fetch(data.checkUrl, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            credentials: 'same-origin',
            body: JSON.stringify(result)
        }).then(function (response) {
            return response.ok ? response.json() : Promise.reject(new Error('status ' + response.status));
        }).then(function (answer) {
            hook.verdict = answer.verdict;
            // A weak connection: the room starts in low quality (the citizen can change it there).
            try {
                window.sessionStorage.setItem('videotermin.quality', answer.verdict === 'LOW_QUALITY' ? 'low' : 'high');
            } catch (ignored) {
                // private mode: the room starts in high quality
            }
            hook.state = 'done';
            el.verdict.textContent = text('verdict-' + answer.verdict.toLowerCase().replace('_', '-'));
        }).catch(function () {
            hook.state = 'done';
            hook.verdict = null;
            el.verdict.textContent = text('report-failed');
        });
    }

    [el.camera, el.microphone, el.speaker].forEach(function (select) {
        if (select) {
            select.addEventListener('change', function () {
                remember();
                if (select !== el.speaker) {
                    startDevices();
                }
            });
        }
    });
    el.speakerTest.addEventListener('click', playTestTone);
    el.networkTest.addEventListener('click', runNetworkTest);
    window.addEventListener('pagehide', stopStream);

    startDevices().then(runNetworkTest);
}());
