package dev.oneonone.meetings;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.architecture.ServiceLayout;

/** The service keeps the suite's layout: a plain domain, and arrows from rest down to application and domain only. */
class LayoutTest {

    @Test
    void follows_the_service_layout() {
        ServiceLayout.check("dev.oneonone.meetings");
    }
}
