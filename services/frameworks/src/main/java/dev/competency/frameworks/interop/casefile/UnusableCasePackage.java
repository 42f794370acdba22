package dev.competency.frameworks.interop.casefile;

/** A CASE package that cannot be imported at all (not a package, no document, nothing usable); answered with 400. */
public class UnusableCasePackage extends IllegalArgumentException {

    public UnusableCasePackage(String message) {
        super(message);
    }
}
