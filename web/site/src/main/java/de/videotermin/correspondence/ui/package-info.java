/** The advisor's side of correspondence on the site: message history in the agenda, printable letters. */
package de.videotermin.correspondence.ui;
