package de.videotermin.feedback.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The citizen's answers; every one is optional. */
public record SurveyAnswers(
        @Min(1) @Max(5) Integer rating,
        Boolean wouldRecommend,
        Boolean easyToJoin,
        Boolean pictureAndSoundWorked,
        @Size(max = 2000) String comment) {

    public boolean isEmpty() {
        return rating == null && wouldRecommend == null && easyToJoin == null && pictureAndSoundWorked == null
                && (comment == null || comment.isBlank());
    }
}
