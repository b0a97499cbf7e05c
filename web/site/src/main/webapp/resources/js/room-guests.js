/*
 * Videotermin, the advisor's room page: invite one more person (interpreter, relative, colleague)
 * into this consultation, show their personal link once, optionally have the server's outbox send the
 * invitation by e-mail (and follow that mail's status), and withdraw the invitation — which also
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
        emailInput: document.getElementById('guests-email'),
        mailStatus: document.getElementById('guests-mail-status'),
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
                        var failure = new Error(text('error-' + type) || text('error-server'));
                        failure.type = type;
                        throw failure;
                    }
                    return json;
                });
            }, function () {
                throw new Error(text('error-server'));
            });
    }

    /* The invitation mail's state, as the outbox has it; followed until it is sent or has failed. */
    var following = null;

    function showMail(mail) {
        if (!mail || !el.mailStatus) {
            if (el.mailStatus) {
                el.mailStatus.hidden = true;
                el.mailStatus.textContent = '';
            }
            return;
        }
        var message = text('mail-' + String(mail.status).toLowerCase());
        if (mail.status === 'SENT' && mail.sentAt) {
            var at = new Date(mail.sentAt);
            message = message.replace('{0}', at.toLocaleTimeString(document.documentElement.lang || undefined,
                { hour: '2-digit', minute: '2-digit' }));
        }
        el.mailStatus.textContent = message;
        el.mailStatus.hidden = !message;
    }

    function follow(mail) {
        window.clearTimeout(following);
        following = null;
        showMail(mail);
        if (!mail || mail.status === 'SENT' || mail.status === 'FAILED') {
            return;
        }
        // every 3 s for the first minute, then every 30 s for as long as the outbox keeps trying
        var polls = 0;
        function again() {
            following = window.setTimeout(poll, ++polls < 20 ? 3000 : 30000);
        }
        function poll() {
            if (!guest) {
                return;
            }
            var asked = guest.id;
            fetch(panel.dataset.url + '?room=' + encodeURIComponent(panel.dataset.room), { credentials: 'same-origin' })
                .then(function (response) {
                    if (response.status >= 500) {
                        throw new Error('server busy'); // a redeploy or a passing fault: ask again later
                    }
                    return response.status === 200 ? response.json() : null;
                }).then(function (current) {
                    if (!guest || guest.id !== asked || !current || current.id !== asked) {
                        return;
                    }
                    showMail(current.mail);
                    if (current.mail && current.mail.status !== 'SENT' && current.mail.status !== 'FAILED') {
                        again();
                    }
                }, again);
        }
        following = window.setTimeout(poll, 1000);
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
        var email = el.emailInput ? el.emailInput.value.trim() : '';
        if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
            // the server checks it properly too; this only saves a round trip for an obvious slip
            say(text('error-guest-email-invalid'));
            el.emailInput.setAttribute('aria-invalid', 'true');
            el.emailInput.focus();
            return;
        }
        if (el.emailInput) {
            el.emailInput.removeAttribute('aria-invalid');
        }
        el.invite.disabled = true;
        post({
            action: 'invite',
            kind: document.getElementById('guests-kind').value,
            name: name,
            language: document.getElementById('guests-language').value,
            email: email
        }).then(function (created) {
            guest = { id: created.id, participantId: created.participantId, name: created.name, kind: created.kind };
            el.nameInput.value = '';
            if (el.emailInput) {
                el.emailInput.value = '';
            }
            show(created.link);
            follow(created.mail);
            say(text('created'));
            el.link.focus();
            el.link.select();
        }, function (error) {
            say(error.message);
            var field = error.type === 'guest-email-invalid' ? el.emailInput
                : error.type === 'guest-name-invalid' ? el.nameInput : null;
            if (field) {
                field.setAttribute('aria-invalid', 'true');
                field.focus();
            }
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
            follow(null);
            say(text('removed'));
            el.nameInput.focus();
        }, function (error) {
            say(error.message);
        }).then(function () {
            el.remove.disabled = false;
        });
    });

    show(null);
    if (guest) {
        // invited earlier (the page was reloaded): show how the invitation mail is doing, if there is one
        follow({ status: 'PENDING' });
        showMail(null);
    }
}());
