package de.videotermin.feedback.boundary;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.feedback.control.FeedbackMetrics;
import de.videotermin.appointment.entity.AppointmentStatus;
import de.videotermin.feedback.control.SubmissionKeys;
import de.videotermin.feedback.entity.FeedbackAnswer;
import de.videotermin.feedback.entity.FeedbackSubmission;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The citizen's survey after the call, reached with the citizen's own link. */
@Stateless
public class Surveys {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @PersistenceContext
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    FeedbackMetrics metrics;

    @Inject
    AppointmentSites sites;

    /** A secret of its own if configured; else the ticket secret, separated by the label in SubmissionKeys. */
    @Inject
    @ConfigProperty(name = "videotermin.feedback.secret")
    Optional<String> feedbackSecret;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.secret")
    String ticketSecret;

    private SubmissionKeys keys;

    @PostConstruct
    void init() {
        keys = new SubmissionKeys(feedbackSecret.filter(s -> !s.isBlank()).orElse(ticketSecret));
    }

    /** The appointment behind the link may be asked about: it exists and was not cancelled. */
    public SurveyContext open(String linkToken) {
        Appointment appointment = answerable(linkToken);
        return new SurveyContext(appointment.getLegalArea(), isAnswered(appointment));
    }

    public void submit(String linkToken, @NotNull @Valid SurveyAnswers answers) {
        Appointment appointment = answerable(linkToken);
        if (isAnswered(appointment)) {
            throw new AlreadyAnsweredException();
        }
        em.persist(new FeedbackSubmission(keys.of(appointment.getId())));
        String comment = answers.comment() == null || answers.comment().isBlank() ? null : answers.comment().strip();
        LocalDate day = appointment.getStartsAt().atZone(ZONE).toLocalDate();
        em.persist(new FeedbackAnswer(appointment.getLegalArea(), sites.siteOf(appointment.getId()), day,
                answers.rating(), answers.wouldRecommend(), answers.easyToJoin(), answers.pictureAndSoundWorked(), comment));
        // A second, concurrent submission fails here on the primary key instead of counting twice.
        em.flush();
        metrics.surveyAnswered();
    }

    private boolean isAnswered(Appointment appointment) {
        return em.find(FeedbackSubmission.class, keys.of(appointment.getId())) != null;
    }

    private Appointment answerable(String linkToken) {
        Appointment appointment = appointments.byLinkToken(linkToken);
        if (appointment.getStatus() == AppointmentStatus.CANCELLED) {
            throw new AppointmentNotFoundException();
        }
        return appointment;
    }

    public record SurveyContext(String legalArea, boolean answered) {
    }
}
