package dev.competency.platform.service.error;

import java.util.List;
import java.util.Map;

/**
 * Request fields the service refuses: 400 {@code invalid-request} whose {@code errors} give each field and why, and
 * whose detail is the one field and why, or how many fields are invalid and which. Bean validation's refusals take
 * the same shape.
 */
public class InvalidFields extends Refusal {

    /** A refused field: its name as the request spells it ({@code mentions[2]}) and why it is refused. */
    public record Field(String field, String message) {
    }

    private final List<Field> errors;

    public InvalidFields(List<Field> errors) {
        super(Kind.INVALID, detailOf(errors));
        this.errors = List.copyOf(errors);
    }

    private static String detailOf(List<Field> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + " " + errors.get(0).message();
        }
        List<String> fields = errors.stream().map(Field::field).distinct().toList();
        return fields.size() + (fields.size() == 1 ? " field is" : " fields are") + " invalid: "
                + String.join(", ", fields);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
