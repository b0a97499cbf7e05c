package de.videotermin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

/**
 * What WebRTC's getStats() says a participant receives: proof that media really flows, not that a
 * video element exists. Read through the client's test hook {@code window.videotermin.pc}.
 */
public record MediaStats(long videoBytesReceived, long framesDecoded, long audioBytesReceived,
                         String localCandidateType, long frameWidth) {

    private static final String SCRIPT = """
            const done = arguments[arguments.length - 1];
            const pc = window.videotermin && window.videotermin.pc;
            if (!pc) { done(null); return; }
            pc.getStats().then(stats => {
              const out = {videoBytes: 0, frames: 0, audioBytes: 0, candidateType: '', width: 0};
              let pairId = null;
              stats.forEach(s => {
                if (s.type === 'inbound-rtp' && s.kind === 'video') {
                  out.videoBytes += s.bytesReceived || 0; out.frames += s.framesDecoded || 0;
                  out.width = Math.max(out.width, s.frameWidth || 0);
                }
                if (s.type === 'inbound-rtp' && s.kind === 'audio') { out.audioBytes += s.bytesReceived || 0; }
                if (s.type === 'transport' && s.selectedCandidatePairId) { pairId = s.selectedCandidatePairId; }
              });
              if (!pairId) {
                stats.forEach(s => { if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pairId = s.id; });
              }
              const pair = pairId && stats.get(pairId);
              const local = pair && stats.get(pair.localCandidateId);
              out.candidateType = local ? local.candidateType : '';
              done(out);
            }).catch(e => done(null));
            """;

    public static MediaStats of(Browser browser) {
        return of(browser, null);
    }

    /**
     * What the browser receives from one participant of a call of three (its peer connection in
     * {@code window.videotermin.pcs}); {@code null} means the main connection.
     */
    public static MediaStats of(Browser browser, String participantId) {
        String script = participantId == null ? SCRIPT : SCRIPT.replace(
                "const pc = window.videotermin && window.videotermin.pc;",
                "const pc = window.videotermin && window.videotermin.pcs && window.videotermin.pcs[arguments[0]];");
        Object result = participantId == null ? browser.asyncScript(script) : browser.asyncScript(script, participantId);
        if (!(result instanceof Map<?, ?> map)) {
            return new MediaStats(0, 0, 0, "", 0);
        }
        return new MediaStats(number(map.get("videoBytes")), number(map.get("frames")), number(map.get("audioBytes")),
                String.valueOf(map.get("candidateType")), number(map.get("width")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Video bytes arrive, decoded frames keep growing between two samples, audio arrives, frames have a size. */
    public static void assertFlowing(Browser browser, String who) throws InterruptedException {
        assertFlowing(browser, null, who);
    }

    /** The same for what the browser receives from one participant of a call of three. */
    public static void assertFlowing(Browser browser, String participantId, String who) throws InterruptedException {
        MediaStats first = awaitFirstFrame(browser, participantId);
        Thread.sleep(1500);
        MediaStats second = of(browser, participantId);
        assertThat(second.videoBytesReceived()).as(who + " receives video bytes").isPositive();
        assertThat(second.framesDecoded()).as(who + " keeps decoding frames").isGreaterThan(first.framesDecoded());
        assertThat(second.audioBytesReceived()).as(who + " receives audio").isPositive();
        assertThat(second.frameWidth()).as(who + " decodes real frames").isPositive();
    }

    /**
     * After the media path was lost and came back: the picture resumes (a new key frame and the bandwidth
     * estimate take a few seconds after a long outage), then flows as {@link #assertFlowing} demands.
     */
    public static void assertResumes(Browser browser, String who) throws InterruptedException {
        long framesNow = of(browser).framesDecoded();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (of(browser).framesDecoded() < framesNow + 30) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(who + ": no new frames within 30 s (still " + of(browser).framesDecoded() + ")");
            }
            Thread.sleep(500);
        }
        assertFlowing(browser, who);
    }

    private static MediaStats awaitFirstFrame(Browser browser, String participantId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        MediaStats stats = of(browser, participantId);
        while (stats.framesDecoded() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            stats = of(browser, participantId);
        }
        return stats;
    }
}
