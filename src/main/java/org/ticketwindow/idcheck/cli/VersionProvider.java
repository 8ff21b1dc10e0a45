package org.ticketwindow.idcheck.cli;

import picocli.CommandLine;

/** The version from the jar manifest ({@code dev} when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"idcheck " + (v == null ? "dev" : v) + " (窗口身份核验台)",
                "Java " + Runtime.version() + " " + System.getProperty("java.vendor", "")};
    }
}
