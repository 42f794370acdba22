package dev.competency.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every answer to a fuzz case must be: never a 5xx (but a 503 with {@code Retry-After} whose problem type says
 * the read model is behind or the service unavailable); every 4xx an {@code application/problem+json} with a type and
 * the status, and a 400 of a case that changed one field or parameter names it (in {@code errors[].field} or the
 * detail). Whether anything was stored on a 4xx is {@link StoredState}'s part.
 */
final class AnswerRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> RETRYABLE_TYPES = Set.of("/problems/read-model-behind", "/problems/unavailable",
            "/problems/service-unavailable");

    private AnswerRules() {
    }

    /**
     * The rules the answer breaks; empty when it keeps them.
     *
     * @param mustName whether a 400 must name the case's target (false when the valid request itself is refused with
     *                 400, so that another field's rule may be the one reported)
     */
    static List<String> broken(FuzzCase fuzzCase, RawCall.Answer answer, boolean mustName) {
        List<String> broken = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            String type = problemType(answer);
            boolean retryable = status == 503 && answer.header("retry-after").isPresent()
                    && RETRYABLE_TYPES.stream().anyMatch(type::endsWith);
            if (!retryable) {
                broken.add("answered " + status + " (a server error)");
            }
        }
        if (status >= 400 && status < 500) {
            if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                broken.add("a " + status + " that is not application/problem+json but '" + answer.contentType() + "'");
            } else {
                JsonNode problem = parse(answer.body());
                if (problem == null || !problem.path("type").isString() || problem.path("status").asInt() != status) {
                    broken.add("a " + status + " whose problem detail lacks its type or status");
                } else if (status == 400 && mustName && fuzzCase.target() != null
                        && !names(problem, fuzzCase.target())) {
                    broken.add("a 400 that does not name the mutated "
                            + (fuzzCase.target().startsWith("/") ? "field " : "parameter ") + fuzzCase.target());
                }
            }
        }
        if (status < 200 || (status >= 300 && status < 400)) {
            broken.add("answered " + status);
        }
        return broken;
    }

    /**
     * Whether the problem points at the target: its detail or an error's field or message names a step of the
     * target's path ({@code /requirements/0/targetLevel}: "requirements", "targetLevel"), as written or in words
     * ("target level", "requirement", and "competency" for {@code competencyId}).
     */
    private static boolean names(JsonNode problem, String target) {
        StringBuilder text = new StringBuilder(problem.path("detail").asString(""));
        for (JsonNode error : problem.path("errors")) {
            text.append(' ').append(error.isString() ? error.asString() : error.path("field").asString("") + ' '
                    + error.path("path").asString("") + ' ' + error.path("message").asString(""));
        }
        String said = text.toString().toLowerCase(Locale.ROOT);
        for (String step : target.split("/")) {
            if (step.isEmpty() || step.chars().allMatch(Character::isDigit)) {
                continue;
            }
            for (String form : formsOf(step)) {
                if (said.contains(form)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> formsOf(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>(List.of(name.toLowerCase(Locale.ROOT), words));
        if (words.endsWith(" id") || words.endsWith(" ids")) {
            forms.add(words.substring(0, words.lastIndexOf(" id")));
        }
        if (words.endsWith("ies")) {
            forms.add(words.substring(0, words.length() - 3) + "y");
        } else if (words.endsWith("s")) {
            forms.add(words.substring(0, words.length() - 1));
        }
        return forms;
    }

    static String problemType(RawCall.Answer answer) {
        JsonNode problem = parse(answer.body());
        return problem == null ? "" : problem.path("type").asString("");
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
