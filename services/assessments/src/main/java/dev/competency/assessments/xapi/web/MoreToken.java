package dev.competency.assessments.xapi.web;

import dev.competency.assessments.xapi.domain.StatementFormat;
import dev.competency.assessments.xapi.query.StatementStore;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque value of the {@code more} link: the query, where the previous page ended and the consistency bound of
 * the first page (so that later pages neither repeat nor skip statements).
 */
record MoreToken(StatementStore.Query query, String format, long afterStoredMicros, String afterId,
                 Instant consistentThrough) {

    String encode(JsonMapper json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
    }

    /** The token a {@code more} link carries; a value this LRS did not hand out is an invalid request. */
    static MoreToken decode(String text, JsonMapper json) {
        MoreToken token;
        try {
            token = json.readValue(Base64.getUrlDecoder().decode(text), MoreToken.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw notHandedOut();
        }
        if (token == null || token.query() == null || token.consistentThrough() == null
                || StatementFormat.named(token.format()).isEmpty()
                || token.query().limit() < 0 || token.afterStoredMicros() < 0) {
            throw notHandedOut();
        }
        return token;
    }

    private static InvalidXapiRequest notHandedOut() {
        return InvalidXapiRequest.of("more", "is not a value this LRS handed out");
    }

    StatementStore.Cursor cursor() {
        return new StatementStore.Cursor(afterStoredMicros, afterId);
    }

}
