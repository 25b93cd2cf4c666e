package dev.oneonone.kit.security;

import java.time.Instant;
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
     * The instant the person's employment ends or ended: the start of the day after their last day in the
     * organisation's calendar (the {@code occurredAt} of their {@code EmploymentEnded}); empty when they are employed
     * without an end (or unknown here). Called at most once per person and {@code suite.leavers.cache-ttl}.
     */
    Uni<Optional<Instant>> leftAt(String organisationId, UUID personId);
}
