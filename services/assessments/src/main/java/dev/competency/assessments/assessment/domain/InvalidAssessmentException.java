package dev.competency.assessments.assessment.domain;

import dev.competency.platform.service.error.BrokenRules;
import java.util.List;

/**
 * A command that would break rules of assessment definitions or attempts; answered with 400, every rule listed.
 */
public class InvalidAssessmentException extends BrokenRules {

    public InvalidAssessmentException(String problem) {
        super(problem);
    }

    public InvalidAssessmentException(List<String> problems) {
        super(problems);
    }
}
