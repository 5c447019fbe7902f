package com.groupbuy.command.flashsale.api;

import com.groupbuy.command.flashsale.gate.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** {@code groupbuy_flash_sale_admissions_total{decision}}: every answer of the flash-sale gate, by decision. */
@Component
@Profile("api")
class AdmissionMetrics {

    private final Map<Admission.Decision, Counter> byDecision = new EnumMap<>(Admission.Decision.class);

    AdmissionMetrics(MeterRegistry registry) {
        for (Admission.Decision decision : Admission.Decision.values()) {
            byDecision.put(decision, Counter.builder("groupbuy.flash.sale.admissions")
                    .description("Decisions of the flash-sale gate")
                    .tag("decision", decision.name())
                    .register(registry));
        }
    }

    void record(Admission.Decision decision) {
        byDecision.get(decision).increment();
    }
}
