package dev.competency.platform.service.id;

import dev.competency.platform.service.mongo.StringIdentifier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * The id of one piece of evidence, deterministic from its source so that a redelivery carries the same id. A path
 * variable or request parameter of this type is read from its text (an empty one is a 400 naming the parameter); read
 * models store it as that text. Any non-empty text is an id, as in the contracts ({@code minLength} 1).
 */
@Schema(type = "string", description = "Evidence id")
public record EvidenceId(String value) implements StringIdentifier {

    public EvidenceId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a evidence id is not empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
