package de.videotermin.consultation.signalling;

/**
 * One trickled ICE candidate, as the browser's {@code RTCIceCandidate.toJSON()} gives it. Relayed
 * unchanged; its content (it holds IP addresses) is never logged.
 *
 * @param candidate        the candidate line (may be empty: some browsers end a generation so)
 * @param sdpMid           media stream id, or {@code null}
 * @param sdpMLineIndex    media line index, or {@code null}
 * @param usernameFragment ICE ufrag, or {@code null}
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {

    @Override
    public String toString() {
        return "IceCandidate[redacted]";
    }
}
