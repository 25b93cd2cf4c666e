package dev.oneonone.insights.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Coverage: people who have a manager and an active manager–report series with them ÷ people who have a manager. */
@Schema(name = "Coverage")
public record CoverageFigures(
        @Schema(description = "People of the group with a manager in the directory on the date.", example = "52") int withManager,
        @Schema(description = "Of those, people with an active MANAGER_REPORT series with that manager.", example = "50") int covered,
        @Schema(description = "covered ÷ withManager; null when nobody has a manager.", example = "0.9615") Double rate) {

    static CoverageFigures of(int withManager, int covered) {
        return new CoverageFigures(withManager, covered, withManager == 0 ? null : (double) covered / withManager);
    }
}
