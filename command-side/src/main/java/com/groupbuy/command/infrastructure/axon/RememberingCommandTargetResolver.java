package com.groupbuy.command.infrastructure.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * The aggregate a command targets, as Axon's {@code AnnotationCommandTargetResolver} finds it (the member annotated
 * {@link TargetAggregateIdentifier}, and {@link TargetAggregateVersion} if any), with the member remembered per
 * command type. Axon's looks through every method and field of the command for the annotations on each command it
 * routes, about 3 % of a worker's CPU per order (docs/performance.md).
 */
final class RememberingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> commandType) {
            return new Target(commandType, readerOf(commandType, TargetAggregateIdentifier.class),
                    readerOf(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return targets.get(command.getPayloadType()).of(command.getPayload());
    }

    private record Target(Class<?> commandType, Function<Object, Object> identifier,
                          Function<Object, Object> version) {

        VersionedAggregateIdentifier of(Object command) {
            Object id = identifier == null ? null : identifier.apply(command);
            if (id == null) {
                throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                        + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                        + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                        commandType.getSimpleName()));
            }
            Object expected = version == null ? null : version.apply(command);
            return new VersionedAggregateIdentifier(id, versionOf(expected));
        }

        private static Long versionOf(Object value) {
            return switch (value) {
                case null -> null;
                case Number number -> number.longValue();
                case String text -> Long.parseLong(text);
                default -> throw new IllegalArgumentException("The value provided for the version is not a number.");
            };
        }
    }

    /** The first annotated method without parameters, else the first annotated field, as Axon looks for them. */
    private static Function<Object, Object> readerOf(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (method.getParameterCount() == 0 && AnnotationUtils.isAnnotationPresent(method, annotation)) {
                ReflectionUtils.ensureAccessible(method);
                return command -> ReflectionUtils.invokeAndGetMethodValue(method, command);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                ReflectionUtils.ensureAccessible(field);
                return command -> ReflectionUtils.getFieldValue(field, command);
            }
        }
        return null;
    }
}
