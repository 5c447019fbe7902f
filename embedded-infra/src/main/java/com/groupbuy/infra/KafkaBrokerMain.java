package com.groupbuy.infra;

import java.time.Duration;
import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the Kafka broker's own JVM. Formats the storage unless already formatted, then runs
 * {@code kafka.Kafka}. A watchdog halts the JVM as soon as the process that started it is gone, so a killed parent
 * leaves no broker behind.
 *
 * <p>Arguments: the parent's pid, the cluster id and the path of server.properties.
 */
public final class KafkaBrokerMain {

    private static final int PARENT_GONE = 3;
    private static final int FORMAT_FAILED = 4;

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        long parentPid = Long.parseLong(args[0]);
        String clusterId = args[1];
        String serverProperties = args[2];
        watch(parentPid);
        format(clusterId, serverProperties);
        Kafka.main(new String[] {serverProperties});
    }

    private static void watch(long parentPid) {
        if (!isAlive(parentPid)) {
            Runtime.getRuntime().halt(PARENT_GONE);
        }
        Thread watchdog = new Thread(() -> {
            while (isAlive(parentPid)) {
                try {
                    Thread.sleep(WATCH_INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("The process that started this broker is gone: halting");
            Runtime.getRuntime().halt(PARENT_GONE);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void format(String clusterId, String serverProperties) {
        int status;
        try {
            status = StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", serverProperties, "--ignore-formatted"}, System.out);
        } catch (Exception e) {
            e.printStackTrace();
            status = FORMAT_FAILED;
        }
        if (status != 0) {
            System.err.println("Formatting the storage failed with status " + status);
            Runtime.getRuntime().halt(FORMAT_FAILED);
        }
    }
}
