package de.videotermin.feedback.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.feedback.boundary.AlreadyAnsweredException;
import de.videotermin.feedback.boundary.SurveyAnswers;
import de.videotermin.feedback.boundary.Surveys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The citizen's survey after the call (citizen/feedback.xhtml?t=link token). Every question is
 * optional; the page says up front that answers are anonymous.
 */
@Named
@ViewScoped
public class FeedbackView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Surveys surveys;

    private String token;
    private boolean found;
    private boolean answered;
    private boolean thanked;

    private Integer rating;
    private String wouldRecommend;
    private String easyToJoin;
    private String pictureAndSoundWorked;
    private String comment;

    @PostConstruct
    void load() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("t");
        try {
            answered = surveys.open(token).answered();
            found = true;
        } catch (AppointmentNotFoundException e) {
            found = false;
        }
    }

    public void send() {
        if (!found || answered) {
            return;
        }
        SurveyAnswers answers = new SurveyAnswers(rating, yesNo(wouldRecommend), yesNo(easyToJoin),
                yesNo(pictureAndSoundWorked), comment);
        if (answers.isEmpty()) {
            FeedbackTexts.add(FacesMessage.SEVERITY_ERROR, "survey.empty");
            return;
        }
        try {
            surveys.submit(token, answers);
            thanked = true;
        } catch (AlreadyAnsweredException e) {
            FeedbackTexts.add(FacesMessage.SEVERITY_INFO, "survey.alreadyAnswered");
        } catch (EJBException e) {
            // two tabs sending at the same moment: the second insert of the submission hash fails
            FeedbackTexts.add(FacesMessage.SEVERITY_INFO, "survey.alreadyAnswered");
        } catch (AppointmentNotFoundException e) {
            found = false;
        }
        answered = true;
    }

    private static Boolean yesNo(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf("yes".equals(value));
    }

    public boolean isFound() { return found; }
    public boolean isAnswered() { return answered; }
    public boolean isThanked() { return thanked; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
    public String getWouldRecommend() { return wouldRecommend; }
    public void setWouldRecommend(String v) { this.wouldRecommend = v; }
    public String getEasyToJoin() { return easyToJoin; }
    public void setEasyToJoin(String v) { this.easyToJoin = v; }
    public String getPictureAndSoundWorked() { return pictureAndSoundWorked; }
    public void setPictureAndSoundWorked(String v) { this.pictureAndSoundWorked = v; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
