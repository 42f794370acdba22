package dev.competency.assessments.alignment.domain;

import java.util.List;

/** An activity alignment breaks rules; the message lists every problem. */
public class InvalidAlignmentException extends IllegalArgumentException {

    public InvalidAlignmentException(List<String> problems) {
        super(String.join("; ", problems));
    }
}
