package de.videotermin.system;

import java.util.Map;

/** Outbound video as getStats() reports it, averaged over a sampling interval. */
public record OutboundVideo(double kilobitsPerSecond, long framesEncodedDelta, long frameWidth) {

    private static final String SAMPLE = """
            const done = arguments[arguments.length - 1];
            const pc = window.videotermin && window.videotermin.pc;
            if (!pc) { done(null); return; }
            pc.getStats().then(stats => {
              let bytes = 0, frames = 0, width = 0;
              stats.forEach(s => { if (s.type === 'outbound-rtp' && s.kind === 'video') {
                bytes += s.bytesSent || 0; frames += s.framesEncoded || 0; width = Math.max(width, s.frameWidth || 0); } });
              done({bytes: bytes, frames: frames, width: width, at: performance.now()});
            });
            """;

    /** Two samples {@code millis} apart. */
    @SuppressWarnings("unchecked")
    public static OutboundVideo measure(Browser browser, long millis) {
        try {
            Map<String, Object> first = (Map<String, Object>) browser.asyncScript(SAMPLE);
            Thread.sleep(millis);
            Map<String, Object> second = (Map<String, Object>) browser.asyncScript(SAMPLE);
            double seconds = (num(second.get("at")) - num(first.get("at"))) / 1000.0;
            double kbps = (num(second.get("bytes")) - num(first.get("bytes"))) * 8 / 1000.0 / seconds;
            return new OutboundVideo(kbps, (long) (num(second.get("frames")) - num(first.get("frames"))), (long) num(second.get("width")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double num(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
