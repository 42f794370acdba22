package dev.competency.assessments.support;

import dev.competency.platform.service.error.Refusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link Refusal} of one kind, for aggregate fixtures' {@code expectException}. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Refusal> refusal(Refusal.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of kind " + kind);
            }
        };
    }
}
