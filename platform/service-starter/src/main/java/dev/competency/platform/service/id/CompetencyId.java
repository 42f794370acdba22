package dev.competency.platform.service.id;

import dev.competency.platform.service.mongo.StringIdentifier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * A competency's id within its framework: a UUID for competencies authored here, the item identifier for imported
 * ones. A path variable or request parameter of this type is read from its text (a blank one is a 400 naming the
 * parameter); read models store it as that text.
 */
@Schema(type = "string", description = "Competency id")
public record CompetencyId(String value) implements StringIdentifier {

    public CompetencyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a competency id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
