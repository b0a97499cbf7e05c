/**
 * Audit trail of staff actions (who viewed or changed which appointment, who looked at consent
 * evidence), append-only down to the database, visible to the admin role. Citizens' own requests
 * are not audited here: they carry no staff identity and are covered by the consent ledger.
 * Boundaries mark audited use cases with {@link de.videotermin.audit.boundary.Audited}.
 */
package de.videotermin.audit;
