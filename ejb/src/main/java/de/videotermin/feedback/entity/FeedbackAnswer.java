package de.videotermin.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One citizen's survey answers. Deliberately without appointment id, citizen or time of day (see
 * package-info): the random id orders nothing and the day is the consultation's, not the answer's.
 */
@Entity
@Table(name = "feedback_answer")
public class FeedbackAnswer {

    @Id
    private UUID id;

    @Column(name = "legal_area", nullable = false)
    private String legalArea;

    @Column(name = "site_code")
    private String siteCode;

    @Column(name = "answered_on", nullable = false)
    private LocalDate day;

    private Short rating;

    @Column(name = "would_recommend")
    private Boolean wouldRecommend;

    @Column(name = "easy_to_join")
    private Boolean easyToJoin;

    @Column(name = "picture_sound_ok")
    private Boolean pictureAndSoundWorked;

    @Column(length = 2000)
    private String comment;

    protected FeedbackAnswer() {
    }

    public FeedbackAnswer(String legalArea, String siteCode, LocalDate day, Integer rating, Boolean wouldRecommend,
                          Boolean easyToJoin, Boolean pictureAndSoundWorked, String comment) {
        this.id = UUID.randomUUID();
        this.legalArea = Objects.requireNonNull(legalArea);
        this.siteCode = siteCode;
        this.day = Objects.requireNonNull(day);
        this.rating = rating == null ? null : rating.shortValue();
        this.wouldRecommend = wouldRecommend;
        this.easyToJoin = easyToJoin;
        this.pictureAndSoundWorked = pictureAndSoundWorked;
        this.comment = comment;
    }

    public String getLegalArea() { return legalArea; }
    public String getSiteCode() { return siteCode; }
    public LocalDate getDay() { return day; }
    public Integer getRating() { return rating == null ? null : rating.intValue(); }
    public Boolean getWouldRecommend() { return wouldRecommend; }
    public Boolean getEasyToJoin() { return easyToJoin; }
    public Boolean getPictureAndSoundWorked() { return pictureAndSoundWorked; }
    public String getComment() { return comment; }
}
