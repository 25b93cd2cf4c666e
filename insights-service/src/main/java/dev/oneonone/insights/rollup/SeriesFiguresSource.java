package dev.oneonone.insights.rollup;

import java.time.LocalDate;
import java.util.List;

import dev.oneonone.insights.figures.SeriesFigures;
import io.smallrye.mutiny.Uni;

/** Where the rollups get the figures of every series of an organisation as of a date. */
@FunctionalInterface
public interface SeriesFiguresSource {

    Uni<List<SeriesFigures>> forOrganisation(String organisationId, LocalDate asOf);
}
