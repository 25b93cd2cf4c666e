package dev.oneonone.kit.messaging;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Idempotent consumption: the ids of the events a consumer already applied (table {@code processed_event},
 * migration {@code db/kit/consumer}). Recorded in the transaction that applies the event, so a
 * redelivery, after a crash or a rebalance, finds it and changes nothing.
 */
@ApplicationScoped
public class ProcessedEvents {

    /** Records the event id; true on its first delivery, false when it was applied before. Call inside the applying transaction. */
    public Uni<Boolean> firstDelivery(UUID eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (event_id) values (:id) on conflict do nothing")
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
