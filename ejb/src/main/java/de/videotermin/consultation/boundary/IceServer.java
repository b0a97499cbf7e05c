package de.videotermin.consultation.boundary;

import java.util.List;

/** One entry of RTCConfiguration.iceServers, as the browser expects it. */
public record IceServer(List<String> urls, String username, String credential) {
}
