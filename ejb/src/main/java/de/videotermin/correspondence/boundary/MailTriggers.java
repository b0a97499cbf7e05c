package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.boundary.AppointmentChange;
import de.videotermin.consultation.boundary.GuestChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Where appointment changes turn into mail: queued in the change's own transaction, and an outbox
 * sender started right after the commit.
 *
 * <p>Why a plain CDI bean observes instead of the EJBs themselves: Weld creates a new EJB reference
 * for every event delivered to a session-bean observer, and on Payara that loads the bean class
 * under the application class loader's lock each time; under concurrent bookings that lock queued
 * the request threads (see bench/correspondence/RESULTS.md). The injected EJB proxies here are made once.
 */
@ApplicationScoped
public class MailTriggers {

    @Inject
    Correspondence correspondence;

    @Inject
    OutboxDispatcher dispatcher;

    void changed(@Observes AppointmentChange change) {
        correspondence.queueFor(change);
    }

    void guestChanged(@Observes GuestChange change) {
        correspondence.queueFor(change);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Correspondence.OutboxFilled filled) {
        dispatcher.startSender();
    }
}
