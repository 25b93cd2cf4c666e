package dev.oneonone.kit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.fuzz.FuzzRequest.Kind;

class MalformedRequestsTest {
    private static final FuzzOperation RICH = FuzzOperation.of("POST",
            "/series/5d0c1a2b-0000-4000-8000-000000000001/items", "token",
            "{\"title\":\"a\",\"on\":\"2026-01-05\",\"minutes\":30,\"rows\":[{\"name\":\"b\"}]}")
            .withIfMatch().withIdempotencyKey();

    @Test
    void the_same_seed_draws_the_same_requests() {
        List<FuzzRequest> first = draw(RICH, 42, 200);
        List<FuzzRequest> second = draw(RICH, 42, 200);
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).describe(), second.get(i).describe());
            assertArrayEquals(first.get(i).body(), second.get(i).body());
        }
    }

    @Test
    void every_kind_is_drawn_for_an_operation_that_has_every_kind_of_site() {
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        draw(RICH, 7, 5_000).forEach(request -> seen.add(request.kind()));
        assertEquals(EnumSet.allOf(Kind.class), seen);
    }

    @Test
    void an_operation_without_a_body_gets_only_header_and_url_kinds() {
        FuzzOperation bodiless = FuzzOperation.of("POST", "/admin/replay", "token", null);
        Set<Kind> seen = EnumSet.noneOf(Kind.class);
        draw(bodiless, 7, 500).forEach(request -> seen.add(request.kind()));
        assertEquals(EnumSet.of(Kind.BAD_TOKEN, Kind.HUGE_HEADER, Kind.HUGE_URL), seen);
    }

    private static List<FuzzRequest> draw(FuzzOperation operation, long seed, int count) {
        Gen<FuzzRequest> generator = MalformedRequests.of(operation);
        SplittableRandom random = new SplittableRandom(seed);
        List<FuzzRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(generator.draw(random));
        }
        return requests;
    }
}
