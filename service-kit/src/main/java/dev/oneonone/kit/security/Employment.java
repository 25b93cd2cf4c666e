package dev.oneonone.kit.security;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What a service knows of its people's employment, for {@link LeaverCheck}: a service that refuses leavers'
 * requests provides one bean of this type (meetings-service from its directory, agenda-service from the
 * {@code EmploymentEnded}/{@code PersonRehired} events it consumes). Without one, nobody is refused.
 */
public interface Employment {

    /**
     * The last day of the person's employment when it has ended or is notified to end, empty when they are employed
     * without an end (or unknown here). Called at most once per person and {@code suite.leavers.cache-ttl}.
     */
    Uni<Optional<LocalDate>> lastDay(String organisationId, UUID personId);

    /** The zone of the organisation's calendar, in which "the day after the last day" begins. */
    default ZoneId zoneOf(String organisationId) {
        return ZoneOffset.UTC; // until the organisations' zones are a setting of the service
    }
}
