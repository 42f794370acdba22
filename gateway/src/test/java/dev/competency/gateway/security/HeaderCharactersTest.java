package dev.competency.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderCharactersTest {

    /** The expressions Spring Security's strict firewall uses for header values and names. */
    private static final Pattern VALUE_RULE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
    private static final Pattern NAME_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "a\tb", "caf\u00e9", "\u65e5\u672c",
            "emoji \uD83D\uDE00", "nul\u0000", "bell\u0007", "del\u007f", "c1\u0085", "unassigned\u0378", "", " "})
    void agreesWithTheFirewallsExpressions(String value) {
        assertThat(HeaderCharacters.VALUES.test(value)).isEqualTo(VALUE_RULE.matcher(value).matches());
        assertThat(HeaderCharacters.NAMES.test(value)).isEqualTo(NAME_RULE.matcher(value).matches());
    }

    @Test
    void allowsAbsentHeader() {
        assertThat(HeaderCharacters.VALUES.test(null)).isTrue();
    }
}
