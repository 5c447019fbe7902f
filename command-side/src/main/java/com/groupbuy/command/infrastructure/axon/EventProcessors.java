package com.groupbuy.command.infrastructure.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

/** How the workers run the processes that follow events: pooled streaming processors over the event store. */
public final class EventProcessors {

    private EventProcessors() {
    }

    /**
     * A processing group read from the event store's tail by {@code segments} segments in parallel; a handler that
     * fails makes the segment retry the event (after a back-off) instead of skipping it.
     */
    public static ConfigurerModule pooledFromTheStart(String processingGroup, int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(processingGroup, Configuration::eventStore,
                        (config, builder) -> builder
                                .initialSegmentCount(segments)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance()));
    }
}
