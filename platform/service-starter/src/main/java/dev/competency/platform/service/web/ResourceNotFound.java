package dev.competency.platform.service.web;

/** The requested resource does not exist (or the caller may not know that it does); answered with 404. */
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String message) {
        super(message);
    }
}
