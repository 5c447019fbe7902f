package com.groupbuy.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** A pid with its start time, so that a pid the kernel has handed to another process since is not mistaken for it. */
record ProcessRecord(long pid, long startEpochMillis) {

    private static final long START_TIME_TOLERANCE_MILLIS = 2_000;

    static ProcessRecord of(ProcessHandle process) {
        return new ProcessRecord(process.pid(), startOf(process).orElse(0L));
    }

    static Optional<ProcessRecord> read(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            return Optional.of(new ProcessRecord(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        Files.writeString(file, pid + " " + startEpochMillis + "\n");
    }

    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::startedWhenRecorded);
    }

    boolean isAlive() {
        return liveProcess().isPresent();
    }

    private boolean startedWhenRecorded(ProcessHandle process) {
        return startEpochMillis == 0 || startOf(process)
                .map(start -> Math.abs(start - startEpochMillis) <= START_TIME_TOLERANCE_MILLIS)
                .orElse(true);
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
