package dev.oneonone.benchmark;

import java.net.URI;
import java.util.OptionalLong;

/** Resident memory of the process serving a local URL ({@link LocalProcesses}); Linux only. */
final class Memory {
    private Memory() {
    }

    /** VmRSS in MB of the process serving {@code url}; empty when it is not this user's or not on this machine. */
    static OptionalLong residentMegabytes(String url) {
        OptionalLong pid = LocalProcesses.listeningOn(URI.create(url).getPort());
        return pid.isPresent() ? LocalProcesses.residentMegabytes(pid.getAsLong()) : OptionalLong.empty();
    }
}
