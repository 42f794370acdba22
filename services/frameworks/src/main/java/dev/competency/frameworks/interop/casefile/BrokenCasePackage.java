package dev.competency.frameworks.interop.casefile;

import dev.competency.frameworks.interop.casefile.CasePackageImport.ItemError;
import dev.competency.platform.service.error.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CASE package with errors (broken items or associations), refused whole: answered with 422
 * {@code /problems/case-package-has-errors} listing every error and warning. {@code lenient=true} imports what can be
 * imported instead.
 */
public class BrokenCasePackage extends Refusal {

    public static final String PROBLEM_TYPE = "case-package-has-errors";

    private final transient List<ItemError> errors;
    private final transient List<String> warnings;

    public BrokenCasePackage(String documentIdentifier, List<ItemError> errors, List<String> warnings) {
        super(Kind.UNPROCESSABLE, PROBLEM_TYPE, "the CASE package " + documentIdentifier + " has " + errors.size()
                + " error(s), listed under errors; nothing was imported. Fix them, or import with lenient=true to"
                + " leave the broken items out");
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<ItemError> errors() {
        return errors;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", errors);
        properties.put("warnings", warnings);
        return properties;
    }
}
