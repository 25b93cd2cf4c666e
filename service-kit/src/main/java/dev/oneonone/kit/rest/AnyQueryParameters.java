package dev.oneonone.kit.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes query parameters it does not declare (a calendar feed, which calendar clients fetch
 * with cache-busting parameters of their own): {@link UnknownParameters} leaves it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyQueryParameters {
}
