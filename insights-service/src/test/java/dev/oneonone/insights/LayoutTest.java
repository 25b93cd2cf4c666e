package dev.oneonone.insights;

import org.junit.jupiter.api.Test;

import dev.oneonone.kit.architecture.ServiceLayout;

/** insights-service follows the suite's layout (docs/architecture.md): a framework-free domain, arrows pointing down. */
class LayoutTest {

    @Test
    void followsTheServiceLayout() {
        ServiceLayout.check("dev.oneonone.insights");
    }
}
