package dev.oneonone.kit.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request field whose text may span lines: besides what {@link TextRules} allows every string, it may
 * hold line breaks ({@code \n} or {@code \r\n}) and tabs. Put it on the DTO's record component (or field); on a
 * list of strings it applies to each element. Every other string of a request body is one line
 * (docs/api-standards.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface MultilineText {
}
