package dev.oneonone.agenda.application.retention;

import java.time.Clock;

import dev.oneonone.agenda.projection.ContentRetention;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Each organisation's retention period for 1:1 content: how many days after a series ends its topics, notes and
 * agreements' wording are kept ({@link ContentExpiry} deletes them then). No setting, or null, keeps them as long
 * as the series. Call inside the caller's reactive transaction.
 */
@ApplicationScoped
public class RetentionPolicies {
    /** The longest period accepted, about a hundred years: longer is the same as keeping. */
    public static final int MAX_DAYS = 36_500;

    private final Clock clock;

    public RetentionPolicies(Clock clock) {
        this.clock = clock;
    }

    /** The organisation's setting; a setting that keeps everything (null days, no change yet) when it has none. */
    public Uni<ContentRetention> of(String organisationId) {
        return ContentRetention.<ContentRetention>findById(organisationId).map(found -> {
            if (found != null) {
                return found;
            }
            ContentRetention keep = new ContentRetention();
            keep.organisationId = organisationId;
            return keep;
        });
    }

    /** Sets the organisation's period ({@code days} null: keep); the sweep applies it from its next round. */
    public Uni<ContentRetention> set(String organisationId, Integer days) {
        return ContentRetention.<ContentRetention>findById(organisationId).chain(found -> {
            ContentRetention setting = found == null ? new ContentRetention() : found;
            setting.organisationId = organisationId;
            setting.contentRetentionDays = days;
            setting.changedAt = clock.instant();
            return found == null ? setting.<ContentRetention>persist() : Uni.createFrom().item(setting);
        });
    }
}
