/**
 * Privacy by schedule: personal data is kept only as long as it is needed, then erased by EJB
 * timers, and each run records what it erased (counts, never contents). Periods follow German
 * public-sector practice and are configurable:
 * <ul>
 *   <li>citizen contact data (name, email) — anonymised {@code videotermin.retention.contact-days}
 *       (default 30) after the appointment ended; the link stops working at the same time;</li>
 *   <li>technical call metadata and device checks — at most {@code videotermin.retention.call-metadata-days}
 *       (default 90, the upper bound);</li>
 *   <li>consent evidence — kept as proof for {@code videotermin.retention.consent-evidence-days}
 *       (default 1095: the regular three-year limitation period, § 195 BGB), then deleted.</li>
 * </ul>
 * The citizen's receipt page shows the same periods, computed by {@link de.videotermin.privacy.control.RetentionPolicy}.
 */
package de.videotermin.privacy;
