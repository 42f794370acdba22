package dev.competency.assessments.alignment.domain;

import dev.competency.platform.service.error.Refusal;
import java.util.List;

/** An activity alignment breaks rules; the message lists every problem. Answered with 400. */
public class InvalidAlignmentException extends Refusal {

    public InvalidAlignmentException(List<String> problems) {
        super(Kind.INVALID, String.join("; ", problems));
    }
}
