package dev.competency.e2e.platform;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Tag;

/**
 * The order of the test classes on their shared platform: every browser test first, then the classes tagged
 * {@value #FUZZ}, each group by class name. What the fuzzing stores (its frameworks, role profiles, resources,
 * assessments, records on the broker) then never reaches a page or a number a browser test compares, and a service
 * the fuzzing harmed cannot fail a browser test. Set as {@code junit.jupiter.testclass.order.default} in
 * {@code junit-platform.properties}.
 */
public final class FuzzingLast implements ClassOrderer {

    /** The tag of the fuzz classes. */
    public static final String FUZZ = "fuzz";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(FuzzingLast::isFuzzing)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static boolean isFuzzing(ClassDescriptor descriptor) {
        return descriptor.findRepeatableAnnotations(Tag.class).stream().anyMatch(tag -> tag.value().equals(FUZZ));
    }
}
