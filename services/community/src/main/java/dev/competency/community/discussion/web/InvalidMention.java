package dev.competency.community.discussion.web;

import dev.competency.platform.service.error.Refusal;
import java.util.List;
import java.util.Map;

/** A mention of someone who is not a person of the writer's unit: 400 naming the field, e.g. {@code mentions[1]}. */
class InvalidMention extends Refusal {

    private final List<Map<String, String>> errors;

    InvalidMention(List<Map<String, String>> errors) {
        super(Kind.INVALID, errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " mentions name nobody of your organisation unit");
        this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
