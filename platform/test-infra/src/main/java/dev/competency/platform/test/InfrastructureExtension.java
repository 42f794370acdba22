package dev.competency.platform.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the shared test infrastructure before a test class runs, for tests that are not Spring tests and read
 * the addresses from {@link TestInfrastructure#endpoints()}.
 */
public final class InfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure.endpoints();
    }
}
