package dev.oneonone.kit.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bulk import operation (a resource method): its calls are counted against the import budget
 * ({@code suite.rate-limit.imports.limit} per {@code .window}, policy {@value RateLimits#IMPORT_POLICY}) and not the caller's role budget, so an
 * import cannot use up the budget of the caller's interactive calls, nor those calls the import's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ImportBudget {
}
