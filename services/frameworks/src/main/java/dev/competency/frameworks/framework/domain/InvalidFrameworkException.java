package dev.competency.frameworks.framework.domain;

import dev.competency.platform.service.error.Refusal;
import java.util.List;

/** A command that would break rules of frameworks; the message names every broken rule and the offending item. */
public class InvalidFrameworkException extends Refusal {

    private final List<String> problems;

    public InvalidFrameworkException(String message) {
        this(List.of(message));
    }

    public InvalidFrameworkException(List<String> problems) {
        super(Kind.INVALID, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
