package com.groupbuy.projections.maintenance;

import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.ReadModelUnavailableException;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisNoScriptException;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generation mechanics every {@link RedisReadModel} shares: the pointer to the generation readers use, the
 * live writers' copy of it, and one pipeline of Lua scripts per poll, each of which checks the pointer first so
 * that nothing lands in a generation a rebuild replaced. When the pointer moved, the poll is written again into
 * the new generation; while it is missing (Redis lost the model) live writes throw
 * {@link ReadModelUnavailableException}, so the live consumer waits for the repair instead of moving on.
 */
public final class RedisGenerations {

    /** Writes into the generation the pointer names, as the live consumers do. */
    public static final long LIVE = -1;

    private static final long GENERATION_MOVED = -1;
    private static final int ATTEMPTS = 3;
    private static final String CHECK_POINTER = """
            if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
            """;

    /**
     * A Lua script that checks the pointer before anything else. KEYS[1] is the pointer and ARGV[1] the
     * generation the script's keys belong to ('' to write whatever the pointer says); the script's own keys
     * start at KEYS[2], its arguments at ARGV[2]. It must not return -1 itself.
     */
    public static final class Script {

        private final String text;

        private Script(String body) {
            this.text = CHECK_POINTER + body;
        }
    }

    /** Adds the scripts that apply one event to a pipeline (none for an event the model ignores). */
    @FunctionalInterface
    public interface EventWriter {

        void write(DecodedEvent event, Pipeline pipeline);
    }

    /**
     * The scripts of one poll, sent to Redis together, all writing keys of one generation. Redisson sends a
     * pipeline's scripts by their digest (EVALSHA); a Redis that restarted empty no longer knows them (NOSCRIPT)
     * and Redisson does not load them within a pipeline, so the pipeline loads them and is sent once more: every
     * script is safe to run again (each event is applied at most once per key).
     */
    public final class Pipeline {

        private record Call(Script script, List<Object> keys, Object[] args) {
        }

        private final List<Call> calls = new ArrayList<>();
        private final long generation;
        private final String expected;

        private Pipeline(long generation, String expected) {
            this.generation = generation;
            this.expected = expected;
        }

        /** The generation whose keys the scripts write. */
        public long generation() {
            return generation;
        }

        public void eval(Script script, List<String> keys, List<String> args) {
            List<Object> allKeys = new ArrayList<>(keys.size() + 1);
            allKeys.add(pointer);
            allKeys.addAll(keys);
            Object[] allArgs = new Object[args.size() + 1];
            allArgs[0] = expected;
            for (int i = 0; i < args.size(); i++) {
                allArgs[i + 1] = args.get(i);
            }
            calls.add(new Call(script, allKeys, allArgs));
        }

        /** Sends the scripts; false when the pointer no longer named the generation (nothing then changed). */
        private boolean execute() {
            if (calls.isEmpty()) {
                return true;
            }
            try {
                return send();
            } catch (RuntimeException e) {
                if (!unknownScript(e)) {
                    throw e;
                }
                RScript loader = redis.getScript(StringCodec.INSTANCE);
                calls.stream().map(call -> call.script().text).distinct().forEach(loader::scriptLoad);
                return send();
            }
        }

        private boolean send() {
            RBatch batch = redis.createBatch();
            RScriptAsync scripts = batch.getScript(StringCodec.INSTANCE);
            List<RFuture<Long>> results = new ArrayList<>(calls.size());
            for (Call call : calls) {
                results.add(scripts.evalAsync(RScript.Mode.READ_WRITE, call.script().text, RScript.ReturnType.LONG,
                        call.keys(), call.args()));
            }
            batch.execute();
            return results.stream().noneMatch(r -> r.toCompletableFuture().join() == GENERATION_MOVED);
        }

        private static boolean unknownScript(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof RedisNoScriptException) {
                    return true;
                }
            }
            return false;
        }
    }

    private final RedissonClient redis;
    private final String pointer;
    private final String model;
    private volatile Long liveGeneration;

    /**
     * @param pointer the key holding the number of the generation readers use (the model's marker)
     * @param model   what the model is, for messages ("the product cache")
     */
    public RedisGenerations(RedissonClient redis, String pointer, String model) {
        this.redis = redis;
        this.pointer = pointer;
        this.model = model;
    }

    /** Wraps a script body that follows {@link Script}'s conventions. */
    public static Script script(String body) {
        return new Script(body);
    }

    /** The generation readers use; empty when Redis has none. */
    public Optional<Long> current() {
        String value = redis.<String>getBucket(pointer, StringCodec.INSTANCE).get();
        return Optional.ofNullable(value).map(Long::parseLong);
    }

    /** Points readers and live writers at {@code generation}. */
    public void switchTo(long generation) {
        redis.<String>getBucket(pointer, StringCodec.INSTANCE).set(Long.toString(generation));
        liveGeneration = generation;
    }

    /**
     * Applies a poll's events in one pipeline: into {@code generation} whatever the pointer says (rebuilds), or,
     * for {@link #LIVE}, into the generation the pointer names.
     */
    public void write(long generation, List<DecodedEvent> events, EventWriter writer) {
        if (generation != LIVE) {
            pipeline(generation, "", events, writer).execute();
            return;
        }
        Long target = liveGeneration;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (target == null) {
                target = current().orElse(null);
                liveGeneration = target;
                if (target == null) {
                    throw new ReadModelUnavailableException(model + " is missing in Redis; the live consumer "
                            + "waits for its rebuild from Kafka");
                }
            }
            if (pipeline(target, Long.toString(target), events, writer).execute()) {
                return;
            }
            target = null;
        }
        throw new IllegalStateException("the generation of " + model + " keeps moving");
    }

    private Pipeline pipeline(long generation, String expected, List<DecodedEvent> events, EventWriter writer) {
        Pipeline pipeline = new Pipeline(generation, expected);
        for (DecodedEvent event : events) {
            writer.write(event, pipeline);
        }
        return pipeline;
    }
}
