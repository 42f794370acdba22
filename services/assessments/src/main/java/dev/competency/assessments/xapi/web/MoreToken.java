package dev.competency.assessments.xapi.web;

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

    static MoreToken decode(String text, JsonMapper json) {
        try {
            return json.readValue(Base64.getUrlDecoder().decode(text), MoreToken.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("more is not a value this LRS handed out", e);
        }
    }

    StatementStore.Cursor cursor() {
        return new StatementStore.Cursor(afterStoredMicros, afterId);
    }

}
