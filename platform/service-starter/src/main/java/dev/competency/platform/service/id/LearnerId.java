package dev.competency.platform.service.id;

import dev.competency.platform.service.mongo.StringIdentifier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * A learner's id: the subject the identity provider gives, or the pseudonymous id the platform keeps for a learner of
 * an activity provider. A path variable or request parameter of this type is read from its text (an empty one is a 400
 * naming the parameter); read models store it as that text. Any non-empty text is an id, as in the contracts ({@code
 * minLength} 1).
 */
@Schema(type = "string", description = "Learner id")
public record LearnerId(String value) implements StringIdentifier {

    public LearnerId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a learner id is not empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
