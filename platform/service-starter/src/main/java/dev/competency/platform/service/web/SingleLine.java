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
 * A name, code or id: text without control characters (no NUL, no line breaks). Its length is limited with
 * {@code @Size}; a null value is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[^\\p{Cntrl}]*")
@ReportAsSingleViolation
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.PARAMETER,
        ElementType.TYPE_USE})
public @interface SingleLine {

    String message() default "must not contain control characters or line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
