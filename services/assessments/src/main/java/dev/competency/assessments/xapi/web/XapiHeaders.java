package dev.competency.assessments.xapi.web;

import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The xAPI headers and versions this LRS speaks. */
final class XapiHeaders {

    static final String VERSION = "X-Experience-API-Version";
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    static final String HASH = "X-Experience-API-Hash";
    static final String CURRENT_VERSION = "2.0.0";
    static final Pattern ACCEPTED_VERSIONS = Pattern.compile("(1\\.0(\\.[0-3])?|2\\.0(\\.0)?)");

    private XapiHeaders() {
    }

    /** Whether a Content-Type names JSON; false when it is missing or no media type. */
    static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(
                    MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
