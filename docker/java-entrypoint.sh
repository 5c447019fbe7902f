#!/bin/sh
# Starts a groupbuy process with the image's JVM flags first and the operator's after them: a flag in JAVA_OPTS comes
# later on the command line and wins (JAVA_TOOL_OPTIONS is read before the command line, so it can add flags but not
# change these). docs/operations.md#memory-and-oomkilled explains the budget:
#   heap          MaxRAMPercentage of the container's memory limit (JVM_MAX_RAM_PERCENTAGE, default 70)
#   direct        MaxDirectMemorySize (JVM_MAX_DIRECT_MEMORY, default 128m; the JVM's own default is the heap size)
#   the rest      metaspace, code cache, thread stacks, GC structures
# ActiveProcessorCount is the CPU the pod asked for (JVM_ACTIVE_PROCESSOR_COUNT, the chart sets it from the CPU
# request), at least 2: without a CPU limit the JVM would size its pools for every core of the node, and below 2 it
# would pick the serial collector. G1 is named because the AOT cache was recorded with it: another collector (ZGC)
# makes the JVM ignore the cache.
set -eu
cpus="${JVM_ACTIVE_PROCESSOR_COUNT:-2}"
if [ "$cpus" -lt 2 ]; then
  cpus=2
fi
# JAVA_OPTS is split into words on purpose: one flag per word, as in JAVA_TOOL_OPTIONS.
# shellcheck disable=SC2086
exec java \
  -XX:+UseG1GC \
  -XX:MaxRAMPercentage="${JVM_MAX_RAM_PERCENTAGE:-70.0}" \
  -XX:MaxDirectMemorySize="${JVM_MAX_DIRECT_MEMORY:-128m}" \
  -XX:ActiveProcessorCount="$cpus" \
  -XX:+ExitOnOutOfMemoryError \
  -XX:AOTCache=app.aot \
  ${JAVA_OPTS:-} \
  -jar app.jar "$@"
