package dev.competency.frameworks.framework.query;

import dev.competency.platform.service.mongo.StringIdentifier;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * The id of a framework: a UUID for frameworks created here, the document identifier for some imported ones. A path
 * variable of this type is read from its text; the read models store it as that text.
 */
@Schema(type = "string", description = "Framework id")
public record FrameworkId(String value) implements StringIdentifier {

    public FrameworkId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a framework id is not blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
