package dev.competency.platform.service.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The syntax of a learner id, which is the subject the identity provider gives the person: 1 to 128 ASCII letters,
 * digits, {@code .}, {@code _}, {@code :} or {@code -}, beginning with a letter or a digit (a UUID fits). Nothing
 * else can be registered, so every id can be put in a path, read and erased again. A null value is left to
 * {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = ValidLearnerId.SYNTAX)
@ReportAsSingleViolation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER,
        ElementType.TYPE_USE})
public @interface ValidLearnerId {

    String SYNTAX = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    String message() default "must be 1 to 128 letters, digits, '.', '_', ':' or '-', beginning with a letter or"
            + " a digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
