package dev.oneonone.insights.application.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.insights.application.SeriesFiguresService;
import dev.oneonone.insights.domain.figures.SeriesFigures;
import dev.oneonone.kit.privacy.JsonRows;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * insights-service's part of a person's export (meetings-service's GET /me/export composes it): the figures of
 * every series they take part in as of today ({@code seriesFigures}, each as GET /series/{seriesId} computes them)
 * and the last health assessments ({@code assessments}). One series' timeline is in memory at a time; the series
 * ids come from a cursor. Blocking: call on a worker thread.
 */
@ApplicationScoped
public class FiguresExport {
    private final DataSource dataSource;
    private final SeriesFiguresService figures;
    private final ObjectMapper mapper;

    public FiguresExport(DataSource dataSource, SeriesFiguresService figures, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.figures = figures;
        this.mapper = mapper;
    }

    /** Writes {@code {"seriesFigures": [...], "assessments": [...]}} about {@code person} to {@code out}. */
    public void write(String organisation, UUID person, java.util.function.Function<SeriesFigures, Object> view, OutputStream out) {
        LocalDate today = figures.today(organisation);
        String theirSeries = " from series_timeline t where t.organisation_id = ? and (t.leader_id = ? or t.companion_id = ?)";
        try (JsonGenerator json = mapper.getFactory().createGenerator(out); Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                json.writeStartObject();
                json.writeStringField("asOf", today.toString());
                json.writeArrayFieldStart("seriesFigures");
                try (PreparedStatement query = connection.prepareStatement("select t.series_id" + theirSeries + " order by t.series_id")) {
                    query.setFetchSize(100);
                    query.setString(1, organisation);
                    query.setObject(2, person);
                    query.setObject(3, person);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            SeriesFigures one = figures.forSeries(organisation, rows.getObject(1, UUID.class), today).await().indefinitely();
                            if (one != null) {
                                json.writeObject(view.apply(one));
                            }
                        }
                    }
                }
                json.writeEndArray();
                JsonRows.writeArray(json, connection, "assessments", "select a.series_id, a.health, a.recommendations, a.as_of "
                        + "from series_assessment a where a.series_id in (select t.series_id" + theirSeries + ") order by a.series_id",
                        organisation, person, person);
                json.writeEndObject();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The figures could not be exported", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
