package dev.competency.platform.problem;

/**
 * The platform's problem types (RFC 9457), the same in the gateway and in every service: stable relative URIs
 * {@code /problems/<slug>}, documented in the README. A service may name more specific types of its own (for example
 * {@code framework-too-large}) and documents them with its API.
 */
public final class ProblemType {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String CONFLICT = "conflict";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String URI_TOO_LONG = "uri-too-long";
    public static final String HEADERS_TOO_LARGE = "headers-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String UNPROCESSABLE = "unprocessable";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String INTERNAL = "internal-error";
    public static final String SERVICE_UNAVAILABLE = "service-unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway-timeout";

    private ProblemType() {
    }

    /** The type URI of a slug: {@code /problems/<slug>}. */
    public static String uri(String slug) {
        return "/problems/" + slug;
    }

    /** The type of an answer with this status when nothing more specific is known. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405, 501 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            default -> status >= 500 ? INTERNAL : INVALID_REQUEST;
        };
    }
}
