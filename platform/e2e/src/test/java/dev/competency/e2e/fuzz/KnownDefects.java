package dev.competency.e2e.fuzz;

import java.util.List;
import java.util.Optional;

/**
 * Cases that show a defect not fixed yet: they are reported as skipped with the defect's description, so the suite
 * stays green while the defect stays listed. Remove an entry once its defect is fixed; the case then runs again.
 */
final class KnownDefects {

    /**
     * A defect: the operation ({@code METHOD /path/template}), the start of the names of the cases that show it and
     * what is wrong.
     */
    record Defect(String operation, String casePrefix, String description) {
    }

    private static final List<Defect> DEFECTS = List.of();

    private KnownDefects() {
    }

    static Optional<Defect> of(String operation, String caseName) {
        return DEFECTS.stream()
                .filter(defect -> defect.operation().equals(operation) && caseName.startsWith(defect.casePrefix()))
                .findFirst();
    }
}
