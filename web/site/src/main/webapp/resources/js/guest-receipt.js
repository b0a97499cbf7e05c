/*
 * An invited guest withdrew their consent on their receipt page (guest/privacy.xhtml). The ledger has
 * recorded it and no new join ticket is issued; if the same browser still has the room open in another
 * tab, tell it (same origin only) to leave the call the way its own "withdraw" button does (room.js).
 * No inline script: the address comes from #guest-withdrawn-signal.
 */
(function () {
    'use strict';
    var signal = document.getElementById('guest-withdrawn-signal');
    if (!signal || !window.BroadcastChannel) {
        return;
    }
    var channel = new window.BroadcastChannel('videotermin.consent');
    channel.postMessage({ type: 'withdrawn', withdrawUrl: signal.dataset.withdrawUrl });
    channel.close();
}());
