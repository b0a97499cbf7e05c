/**
 * The consent ledger (GDPR Art. 6(1)(a), Art. 7): which text version a citizen agreed to, when and
 * through which channel, and when they withdrew. Texts are versioned and never rewritten, so the
 * ledger can always show exactly what was agreed to. Without a valid consent no join ticket is issued.
 */
package de.videotermin.consent;
