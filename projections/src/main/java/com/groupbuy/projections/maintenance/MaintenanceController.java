package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.projections.consumer.ProjectionConsumers;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operator endpoints of the projections process (its own port, not routed from outside; an admin's token, see
 * {@code SecurityConfiguration}): list the projections, take a read model's checksum, rebuild it from Kafka,
 * replay its dead letters. See docs/operations.md, "Replay and rebuild".
 */
@RestController
@RequestMapping("/admin/projections")
class MaintenanceController {

    private final Rebuilds rebuilds;
    private final DeadLetterReplay deadLetters;
    private final ProjectionConsumers live;
    private final ProjectionPositions positions;

    MaintenanceController(Rebuilds rebuilds, DeadLetterReplay deadLetters, ProjectionConsumers live,
                          ProjectionPositions positions) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.live = live;
        this.positions = positions;
    }

    record ProjectionView(String name, String store, boolean consumesHere, long position) {
    }

    @GetMapping
    List<ProjectionView> projections() {
        return rebuilds.all().stream().map(p -> new ProjectionView(p.name(), Rebuilds.storeOf(p),
                live.runs(p.name()), positions.of(p.name()).values().stream().mapToLong(Long::longValue).sum()))
                .toList();
    }

    @GetMapping("/{name}/checksum")
    ReadModelChecksum checksum(@PathVariable String name) {
        return rebuilds.checksum(name);
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildStatus> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/admin/projections/" + name + "/rebuild"))
                .body(rebuilds.start(name));
    }

    @GetMapping("/{name}/rebuild")
    RebuildStatus rebuildStatus(@PathVariable String name) {
        return rebuilds.status(name).orElseThrow(() -> new MaintenanceException(HttpStatus.NOT_FOUND,
                ErrorCode.NOT_FOUND, "No rebuild of " + name + " since this process started"));
    }

    /** Replays the dead letters; when some came too late to apply, rebuilds the read model, which repairs them. */
    @PostMapping("/{name}/dead-letters/replay")
    DeadLetterReplay.Result replay(@PathVariable String name) {
        DeadLetterReplay.Result result = deadLetters.replay(rebuilds.projection(name));
        return result.superseded() == 0 ? result : result.withRebuild(rebuilds.start(name));
    }

    @GetMapping("/{name}/positions")
    Map<String, Long> positions(@PathVariable String name) {
        rebuilds.projection(name);
        Map<String, Long> byPartition = new TreeMap<>();
        positions.of(name).forEach((partition, offset) -> byPartition.put(partition.toString(), offset));
        return byPartition;
    }

    @ExceptionHandler(MaintenanceException.class)
    ResponseEntity<ProblemDetail> problem(MaintenanceException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(URI.create("https://groupbuy.dev/problems/"
                + e.code.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(e.code.name());
        problem.setProperty("code", e.code.name());
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
