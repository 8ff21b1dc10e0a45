package org.ticketwindow.idcheck.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;

/**
 * Tests that need a system tool (socat, pcscd) skip with a printed reason when it is missing — except in CI
 * ({@code CI=true} or {@code IDCHECK_REQUIRE_TOOLS=1}), where a missing tool fails the test: .ci/run installs them.
 */
public final class Tools {
    private Tools() {}

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("IDCHECK_REQUIRE_TOOLS"));
    }

    public static void assume(boolean available, String reason) {
        if (available) return;
        if (required()) Assertions.fail("required in CI but missing: " + reason);
        System.out.println("SKIPPED (" + reason + ")");
        Assumptions.abort(reason);
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) return true;
        }
        return false;
    }
}
