package dev.competency.community.web;

import dev.competency.platform.service.error.Refusal;
import java.util.List;
import java.util.Map;

/** Request fields that name what the service does not know: 400 whose {@code errors} give each field and why. */
public class InvalidFields extends Refusal {

    private final List<Map<String, String>> errors;

    /** @param errors each broken field as {@code field} and {@code message} */
    public InvalidFields(String detail, List<Map<String, String>> errors) {
        super(Kind.INVALID, detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
