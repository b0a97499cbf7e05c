/** Cross-page concerns of the site: texts, time zone, links and the citizen-link entry point. */
package de.videotermin.site;
