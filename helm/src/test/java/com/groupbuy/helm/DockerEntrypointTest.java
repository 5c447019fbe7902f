package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint (docker/java-entrypoint.sh) run here with a stand-in {@code java} that hands the flags to
 * this machine's real JVM with -XX:+PrintFlagsFinal instead of starting app.jar: the flags the JVM ends up with.
 */
class DockerEntrypointTest {

    private static final Path ENTRYPOINT = Path.of("..", "docker", "java-entrypoint.sh").toAbsolutePath().normalize();
    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s+(\\S+)", Pattern.MULTILINE);

    @TempDir
    Path bin;

    @Test
    void the_image_runs_g1_with_a_heap_of_70_percent_128m_direct_memory_and_two_processors() throws Exception {
        Map<String, String> flags = finalFlags(Map.of());

        assertThat(flags).containsEntry("UseG1GC", "true").containsEntry("MaxRAMPercentage", "70.000000")
                .containsEntry("MaxDirectMemorySize", Long.toString(128L << 20))
                .containsEntry("ActiveProcessorCount", "2").containsEntry("ExitOnOutOfMemoryError", "true");
    }

    @Test
    void flags_in_java_opts_override_the_images_own() throws Exception {
        Map<String, String> flags = finalFlags(Map.of(
                "JAVA_OPTS", "-XX:MaxRAMPercentage=50.0 -XX:MaxDirectMemorySize=64m -XX:ActiveProcessorCount=6"));

        assertThat(flags).containsEntry("MaxRAMPercentage", "50.000000")
                .containsEntry("MaxDirectMemorySize", Long.toString(64L << 20))
                .containsEntry("ActiveProcessorCount", "6");
    }

    @Test
    void java_tool_options_adds_flags_but_cannot_change_the_images_own() throws Exception {
        Map<String, String> flags = finalFlags(Map.of(
                "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=40.0 -XX:+AlwaysPreTouch"));

        assertThat(flags).containsEntry("AlwaysPreTouch", "true").containsEntry("MaxRAMPercentage", "70.000000");
    }

    @Test
    void the_processors_follow_the_cpu_request_and_never_drop_below_two() throws Exception {
        assertThat(finalFlags(Map.of("JVM_ACTIVE_PROCESSOR_COUNT", "4"))).containsEntry("ActiveProcessorCount", "4");
        assertThat(finalFlags(Map.of("JVM_ACTIVE_PROCESSOR_COUNT", "1"))).containsEntry("ActiveProcessorCount", "2");
    }

    @Test
    void the_process_gets_its_arguments_after_the_jar_and_the_aot_cache_is_used() throws Exception {
        List<String> arguments = run(Map.of(), "--server.port=9000").arguments();

        assertThat(arguments).containsSubsequence("-XX:AOTCache=app.aot", "-jar", "app.jar", "--server.port=9000");
        assertThat(arguments.getLast()).isEqualTo("--server.port=9000");
    }

    private record Started(List<String> arguments, String output) {
    }

    private Map<String, String> finalFlags(Map<String, String> environment) throws Exception {
        String output = run(environment).output();
        Map<String, String> flags = new HashMap<>();
        Matcher flag = FLAG.matcher(output);
        while (flag.find()) {
            flags.put(flag.group(1), flag.group(2));
        }
        assertThat(flags).as(output).containsKey("MaxRAMPercentage");
        return flags;
    }

    /** Runs the entrypoint with {@code java} on the PATH being a script that records its arguments. */
    private Started run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path recorded = bin.resolve("arguments");
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                # Records the arguments, then asks the real JVM for its final flags without the cache and the jar.
                printf '%%s\\n' "$@" > '%s'
                flags=""
                for argument in "$@"; do
                  case "$argument" in
                    -XX:AOTCache=*|-jar|app.jar|--*) ;;
                    *) flags="$flags $argument" ;;
                  esac
                done
                exec '%s' $flags -XX:+PrintFlagsFinal -version
                """.formatted(recorded, Path.of(System.getProperty("java.home"), "bin", "java")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of("sh", ENTRYPOINT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new Started(Files.readAllLines(recorded), output);
    }
}
