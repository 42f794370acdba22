package dev.competency.platform.service.id;

import dev.competency.platform.service.mongo.StringIdentifier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * A competency's id within its framework: a UUID for competencies authored here, the item identifier for imported
 * ones. A path variable or request parameter of this type is read from its text (an empty one is a 400 naming the
 * parameter); read models store it as that text. Any non-empty text is an id, as in the contracts ({@code minLength}
 * 1).
 */
@Schema(type = "string", description = "Competency id")
public record CompetencyId(String value) implements StringIdentifier {

    public CompetencyId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a competency id is not empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
