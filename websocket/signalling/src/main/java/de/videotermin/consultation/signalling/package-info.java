/**
 * Signalling for consultation rooms: a WebSocket endpoint that relays WebRTC negotiation (offer,
 * answer, ICE candidates) between the advisor and an admitted citizen. Media and chat never pass
 * through here; they flow peer to peer (or through TURN).
 *
 * <p>Shape: {@link de.videotermin.consultation.signalling.RoomEndpoint} checks the join ticket and
 * decodes frames into the sealed {@link de.videotermin.consultation.signalling.ClientMessage};
 * {@link de.videotermin.consultation.signalling.Rooms} keeps the rooms in a concurrent map and
 * changes each room only inside {@code compute}, so joins, admissions and leaves of one room are
 * serialized without check-then-act races; {@link de.videotermin.consultation.signalling.Room} is
 * the plain (single-threaded) rule book that says who may do what and who hears about it, testable
 * with fake {@link de.videotermin.consultation.signalling.Peer}s. Sends are only queued inside
 * {@code compute} and written afterwards, one writer per session, so no I/O happens under the
 * room's lock and the order of frames per recipient is the order of the room's decisions.
 *
 * <p>Cost per frame matters (issue #9, bench/signalling): the endpoint is a plain object per connection
 * ({@link de.videotermin.consultation.signalling.SignallingEndpoints}, no CDI per connection), Tyrus's per-frame
 * idle timer is left out and its container gets a plain scheduler ({@link de.videotermin.consultation.signalling.IdleTimerExecutor}), relayed
 * frames are written without JSON-P ({@link de.videotermin.consultation.signalling.WireFormat}) and framed
 * without Tyrus's character-wise encoder ({@link de.videotermin.consultation.signalling.TextFrameWriter}).
 * Each connection has a flood limit ({@link de.videotermin.consultation.signalling.FloodGuard}, issue #8).
 *
 * <p>Nothing here logs SDP, ICE candidates, tickets, names or addresses: candidates and SDP carry
 * IP addresses, which are personal data. The protocol is documented in {@code docs/signalling-protocol.md}.
 */
package de.videotermin.consultation.signalling;
