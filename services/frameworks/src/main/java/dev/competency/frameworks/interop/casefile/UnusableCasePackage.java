package dev.competency.frameworks.interop.casefile;

import dev.competency.platform.service.error.Refusal;

/** A CASE package that cannot be imported at all (not a package, no document, nothing usable); answered with 400. */
public class UnusableCasePackage extends Refusal {

    public UnusableCasePackage(String message) {
        super(Kind.INVALID, message);
    }
}
