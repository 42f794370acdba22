package dev.competency.analytics.web;

/** A query parameter the caller got wrong: answered 400 with the parameter named in {@code errors}. */
public class InvalidParameter extends RuntimeException {

    private final String field;

    public InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
