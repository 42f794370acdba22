package dev.competency.platform.service.error;

import java.util.List;
import java.util.Map;

/**
 * A command that would break rules of the domain, refused with every broken rule: 400 {@code invalid-request} whose
 * detail is the rule (or how many are broken, and which) and whose {@code errors} lists each rule as the caller should
 * read it.
 */
public class BrokenRules extends Refusal {

    private final List<String> problems;

    public BrokenRules(String problem) {
        this(List.of(problem));
    }

    public BrokenRules(List<String> problems) {
        super(Kind.INVALID, problems.size() == 1 ? problems.get(0)
                : problems.size() + " rules are broken: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", problems);
    }
}
