package dev.competency.frameworks.framework.domain;

import dev.competency.platform.service.error.BrokenRules;
import java.util.List;

/**
 * A command that would break rules of frameworks, role profiles or learning resources; answered with 400, every rule
 * listed, each naming the offending item.
 */
public class InvalidFrameworkException extends BrokenRules {

    public InvalidFrameworkException(String problem) {
        super(problem);
    }

    public InvalidFrameworkException(List<String> problems) {
        super(problems);
    }
}
