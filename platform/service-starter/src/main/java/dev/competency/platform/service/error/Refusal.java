package dev.competency.platform.service.error;

import java.util.Map;

/**
 * A request the domain refuses, with the kind of refusal that decides its HTTP status and problem type. Plain Java,
 * so aggregates and domain rules can throw it without depending on the web layer; the service starter's exception
 * handler turns it into a problem detail whose {@code detail} is this exception's message, so the message must be
 * written for the caller and must not reveal data the caller may not see.
 *
 * <p>A refusal may name a more specific problem type than its kind's (for example {@code framework-too-large}); it
 * must then be documented with the service's other problem types.
 */
public class Refusal extends RuntimeException {

    /** What went wrong, from the caller's side. */
    public enum Kind {
        INVALID(400, "invalid-request"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        CONFLICT(409, "conflict"),
        UNPROCESSABLE(422, "unprocessable");

        private final int status;
        private final String slug;

        Kind(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }

        public int status() {
            return status;
        }

        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final String slug;

    public Refusal(Kind kind, String detail) {
        this(kind, kind.slug(), detail);
    }

    public Refusal(Kind kind, String slug, String detail) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
    }

    public static Refusal invalid(String detail) {
        return new Refusal(Kind.INVALID, detail);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(Kind.FORBIDDEN, detail);
    }

    public static Refusal notFound(String detail) {
        return new Refusal(Kind.NOT_FOUND, detail);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(Kind.CONFLICT, detail);
    }

    public static Refusal unprocessable(String detail) {
        return new Refusal(Kind.UNPROCESSABLE, detail);
    }

    public Kind kind() {
        return kind;
    }

    /** The problem type's last path segment: {@code /problems/<slug>}. */
    public String slug() {
        return slug;
    }

    /**
     * Members the problem detail carries besides the standard ones, such as {@code errors} listing every broken rule;
     * none unless a kind of refusal says more. Values are written as JSON.
     */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
