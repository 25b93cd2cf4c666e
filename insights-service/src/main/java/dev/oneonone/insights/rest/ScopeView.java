package dev.oneonone.insights.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.insights.domain.rollup.Scope;

/** The group a rollup is about, as the API shows it: its kind and its key. */
@Schema(name = "Scope", description = "What a rollup covers.")
public record ScopeView(@Schema(example = "DEPARTMENT") Scope.Kind kind,
        @Schema(nullable = true, description = "Department or team code, or the person id of the manager or director; null for"
                + " the organisation.", example = "ENG") String key) {

    static ScopeView of(Scope scope) {
        return scope == null ? null : new ScopeView(scope.kind(), scope.key());
    }
}
