package dev.oneonone.agenda;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.architecture.ServiceLayout;

/** agenda-service keeps the suite's layout: a plain domain, and arrows from rest and messaging down only. */
class LayoutTest {

    @Test
    void follows_the_service_layout() {
        ServiceLayout.check("dev.oneonone.agenda");
    }
}
