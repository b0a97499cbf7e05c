/** RFC 9457 problem details for every error the API answers; never a stack trace. */
package de.videotermin.problem;
