package de.videotermin.consultation.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What the browser's device test reports. Measurements only; the server derives the verdict. */
public record DeviceCheckReport(
        boolean rehearsal,
        @NotNull @Pattern(regexp = "chrome|edge|firefox|safari|other") String browserFamily,
        boolean cameraOk,
        boolean microphoneOk,
        boolean relayOk,
        @Min(0) @Max(60_000) Integer roundTripMs,
        @Min(0) @Max(1_000_000) Integer bitrateKbps) {
}
