package dev.competency.frameworks.web;

import dev.competency.platform.service.error.Refusal;

/**
 * The rule for text in query parameters: no control characters (they cannot be stored in or matched against the
 * read models) and a length limit per kind of parameter. A broken rule is a 400 naming the parameter, raised before
 * any query runs.
 */
public final class TextParameters {

    /** Free text searched for in codes, titles and descriptions. */
    public static final int SEARCH_TEXT = 200;
    /** Framework and competency codes. */
    public static final int CODE = 100;
    /** Framework, role profile and resource ids. */
    public static final int ID = 100;
    /** External identifiers, which are often web addresses. */
    public static final int EXTERNAL_ID = 2_000;
    /** Titles given with an import. */
    public static final int TITLE = 500;

    private TextParameters() {
    }

    /** {@code value} unchanged when it keeps the rule (or is absent), else a {@link Refusal} naming {@code name}. */
    public static String checked(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw Refusal.invalid("parameter '" + name + "' must be at most " + maxLength + " characters but has "
                    + value.length());
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("parameter '" + name + "' must not contain control characters");
        }
        return value;
    }
}
