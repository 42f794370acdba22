package dev.competency.frameworks.framework.domain;

/** A command that would break a rule of frameworks; the message says which. */
public class InvalidFrameworkException extends IllegalArgumentException {

    public InvalidFrameworkException(String message) {
        super(message);
    }
}
