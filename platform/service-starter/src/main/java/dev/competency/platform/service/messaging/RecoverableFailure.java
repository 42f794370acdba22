package dev.competency.platform.service.messaging;

/**
 * A failure that says nothing about the record being consumed, only that something the service needs is away for a
 * while (its database cannot be reached): the record is tried again, once a second and without end, until it passes,
 * instead of going to the dead-letter topic after the few retries a failing record gets. Beans of this type are
 * asked by the consumers' error handler ({@link MessagingConfiguration}).
 */
@FunctionalInterface
public interface RecoverableFailure {

    /** Whether this failure, or one of its causes, is one to wait out. */
    boolean matches(Throwable failure);
}
