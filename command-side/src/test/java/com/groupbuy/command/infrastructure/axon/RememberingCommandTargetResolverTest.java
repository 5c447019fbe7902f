package com.groupbuy.command.infrastructure.axon;

import com.groupbuy.command.order.model.PayOrder;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class RememberingCommandTargetResolverTest {

    private final RememberingCommandTargetResolver resolver = new RememberingCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record Rename(@TargetAggregateIdentifier String sku, String name) {
    }

    record Reprice(String note, @TargetAggregateIdentifier String sku, @TargetAggregateVersion long expectedVersion) {
    }

    static final class Legacy {
        @TargetAggregateIdentifier
        private final String groupId = "G-7";
    }

    record Unaddressed(String sku) {
    }

    @Test
    void finds_the_same_target_as_axons_resolver_for_records_fields_and_versions() {
        for (Object command : new Object[]{new Rename("TEA-1", "Oolong"), new Reprice("mid-day", "TEA-2", 4L),
                new Legacy(), new PayOrder("O-1", "U-1", 500L, "P-9")}) {
            var message = GenericCommandMessage.asCommandMessage(command);

            assertThat(resolver.resolveTarget(message)).as(command.getClass().getSimpleName())
                    .isEqualTo(axons.resolveTarget(message));
        }
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Reprice("x", "TEA-2", 4L)))
                .getVersion()).isEqualTo(4L);
    }

    @Test
    void a_command_without_a_target_is_refused_as_axons_resolver_refuses_it() {
        var message = GenericCommandMessage.asCommandMessage(new Unaddressed("TEA-1"));

        Throwable axonsRefusal = catchThrowable(() -> axons.resolveTarget(message));

        assertThatThrownBy(() -> resolver.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[Unaddressed]").hasMessage(axonsRefusal.getMessage());
        assertThat(axonsRefusal).isInstanceOf(IllegalArgumentException.class);
    }
}
