/*
 * Videotermin, the advisor's room page: invite one more person (interpreter, relative, colleague)
 * into this consultation, show their personal link once, and withdraw the invitation — which also
 * takes the person out of the running call (room.js sends 'remove' over signalling).
 *
 * Talks to POST /advisor/guests (GuestInvitationServlet) with the session's CSRF token, so that the
 * call on this page goes on undisturbed. Texts come from the data-* attributes of #guests.
 */
(function () {
    'use strict';

    var panel = document.getElementById('guests');
    var room = document.getElementById('room');
    if (!panel || !window.fetch) {
        return;
    }

    var el = {
        current: document.getElementById('guests-current'),
        name: document.getElementById('guests-current-name'),
        kind: document.getElementById('guests-current-kind'),
        linkBox: document.getElementById('guests-link-box'),
        link: document.getElementById('guests-link'),
        copy: document.getElementById('guests-copy'),
        mail: document.getElementById('guests-mail'),
        remove: document.getElementById('guests-remove'),
        form: document.getElementById('guests-form'),
        nameInput: document.getElementById('guests-name'),
        invite: document.getElementById('guests-invite'),
        status: document.getElementById('guests-status')
    };

    function text(key) {
        var attribute = 'text' + key.split('-').map(function (part) {
            return part.charAt(0).toUpperCase() + part.slice(1);
        }).join('');
        return panel.dataset[attribute] || '';
    }

    function kindLabel(kind) {
        return text('kind-' + String(kind || 'OTHER').toLowerCase()) || kind;
    }

    /** The invited guest, or null: {id, participantId, name, kind}. */
    var guest = panel.dataset.guestId ? {
        id: panel.dataset.guestId,
        participantId: panel.dataset.guestParticipant,
        name: panel.dataset.guestName,
        kind: panel.dataset.guestKind
    } : null;

    function show(link) {
        el.current.hidden = !guest;
        el.form.hidden = !!guest;
        if (guest) {
            el.name.textContent = guest.name;
            el.kind.textContent = kindLabel(guest.kind);
        }
        el.linkBox.hidden = !link;
        el.link.value = link || '';
        if (link) {
            el.mail.href = 'mailto:?subject=' + encodeURIComponent(text('mail-subject')) + '&body=' + encodeURIComponent(link);
        }
        window.videotermin = window.videotermin || {};
        window.videotermin.guest = guest ? { id: guest.id, participantId: guest.participantId, link: link || null } : null;
    }

    function say(message) {
        el.status.textContent = message;
    }

    function post(fields) {
        var body = new URLSearchParams();
        body.set('csrf', panel.dataset.csrf);
        body.set('room', panel.dataset.room);
        Object.keys(fields).forEach(function (name) {
            body.set(name, fields[name]);
        });
        return fetch(panel.dataset.url, { method: 'POST', credentials: 'same-origin', body: body })
            .then(function (response) {
                return response.json().catch(function () {
                    return {};
                }).then(function (json) {
                    if (!response.ok) {
                        var type = typeof json.type === 'string' ? json.type.split('/').pop() : '';
                        throw new Error(text('error-' + type) || text('error-server'));
                    }
                    return json;
                });
            }, function () {
                throw new Error(text('error-server'));
            });
    }

    el.form.addEventListener('submit', function (event) {
        event.preventDefault();
        var name = el.nameInput.value.trim();
        if (!name || name.length > 80) {
            say(text('error-guest-name-invalid'));
            el.nameInput.setAttribute('aria-invalid', 'true');
            el.nameInput.focus();
            return;
        }
        el.nameInput.removeAttribute('aria-invalid');
        el.invite.disabled = true;
        post({
            action: 'invite',
            kind: document.getElementById('guests-kind').value,
            name: name,
            language: document.getElementById('guests-language').value
        }).then(function (created) {
            guest = { id: created.id, participantId: created.participantId, name: created.name, kind: created.kind };
            el.nameInput.value = '';
            show(created.link);
            say(text('created'));
            el.link.focus();
            el.link.select();
        }, function (error) {
            say(error.message);
        }).then(function () {
            el.invite.disabled = false;
        });
    });

    el.copy.addEventListener('click', function () {
        el.link.select();
        var copied = navigator.clipboard && window.isSecureContext
            ? navigator.clipboard.writeText(el.link.value)
            : Promise.resolve(document.execCommand && document.execCommand('copy'));
        copied.then(function () {
            say(text('copied'));
        }, function () { /* the selected text can still be copied by hand */ });
    });

    el.remove.addEventListener('click', function () {
        if (!guest) {
            return;
        }
        var leaving = guest;
        el.remove.disabled = true;
        post({ action: 'revoke', guest: leaving.id }).then(function () {
            // the link is closed; now take the person out of the running call, if they are in it
            if (room) {
                room.dispatchEvent(new CustomEvent('videotermin:remove', { detail: leaving.participantId }));
            }
            guest = null;
            show(null);
            say(text('removed'));
            el.nameInput.focus();
        }, function (error) {
            say(error.message);
        }).then(function () {
            el.remove.disabled = false;
        });
    });

    show(null);
}());
