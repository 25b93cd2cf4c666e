package dev.oneonone.meetings.application.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.privacy.AccessLogPage;
import dev.oneonone.kit.privacy.AccessRecordView;
import dev.oneonone.kit.privacy.AccessRecords;
import dev.oneonone.kit.privacy.ServiceParts;
import dev.oneonone.kit.rest.Paging;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A person's one access log across the suite: this service's records (table {@code access_record}) merged with
 * agenda-service's and insights-service's ({@code GET /access-records} of each, read with the person's own token),
 * newest first. All lists are ordered by (instant, id as text), so one cursor serves all: a page takes limit + 1
 * records from here and a page from each of the others after the same cursor and keeps the newest {@code limit}.
 * agenda-service records only the integration's exports: otherwise only the two participants read an agenda, notes or
 * agreements (docs/privacy.md).
 */
@ApplicationScoped
public class AccessLogReading {
    private static final Comparator<AccessRecordView> NEWEST_FIRST = Comparator
            .comparing(AccessRecordView::accessedAt).thenComparing(view -> view.id().toString()).reversed();

    private final AccessRecords records;
    private final ServiceParts parts;
    private final ObjectMapper mapper;

    public AccessLogReading(AccessRecords records, ServiceParts parts, ObjectMapper mapper) {
        this.records = records;
        this.parts = parts;
        this.mapper = mapper;
    }

    /** One page of the log of {@code person}; {@code authorization} is their own token, passed to insights-service. */
    public AccessLogPage page(String organisation, UUID person, String after, int limit, String authorization) {
        Paging.InstantCursor cursor = after == null || after.isBlank() ? null : Paging.InstantCursor.parse(after);
        List<AccessRecordView> merged = new ArrayList<>();
        records.about(organisation, person, cursor, limit + 1).forEach(record -> merged.add(AccessRecordView.of(record)));
        boolean moreThere = false;
        for (ServiceParts.Service service : ServiceParts.Service.values()) {
            if (parts.baseUrl(service).isEmpty()) {
                continue;
            }
            String query = "/access-records?limit=" + limit + (cursor == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            try (InputStream body = parts.open(service, query, authorization)) {
                AccessLogPage there = mapper.readValue(body, AccessLogPage.class);
                merged.addAll(there.items());
                moreThere |= there.next() != null;
            } catch (IOException e) {
                throw new ServiceParts.PartUnavailableException(service + "'s access records are unreadable: " + e.getMessage());
            }
        }
        merged.sort(NEWEST_FIRST);
        List<AccessRecordView> items = merged.subList(0, Math.min(limit, merged.size()));
        boolean more = merged.size() > limit || moreThere;
        AccessRecordView last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new AccessLogPage(List.copyOf(items),
                more && last != null ? new Paging.InstantCursor(last.accessedAt(), last.id()).encode() : null);
    }
}
