package dev.oneonone.kit.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.oneonone.kit.problem.InvalidInputException;

/** A key outside 1 to 200 visible ASCII characters is refused naming Idempotency-Key before anything runs. */
class IdempotentCreatesTest {
    private final IdempotentCreates idempotent = new IdempotentCreates(new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = { "", "a b", "schl\u00fcssel", "schl\u00c3\u00bcssel", "\u00e9", "tab\there", "a\u0000b" })
    void a_key_outside_visible_ascii_is_refused(String key) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> idempotent.once(null, key, "POST /x", "{}", () -> fail("created")));
        assertEquals(IdempotentCreates.HEADER, e.field());
    }

    @org.junit.jupiter.api.Test
    void a_key_of_201_characters_is_refused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> idempotent.once(null, "k".repeat(201), "POST /x", "{}", () -> fail("created")));
        assertEquals(IdempotentCreates.HEADER, e.field());
    }
}
