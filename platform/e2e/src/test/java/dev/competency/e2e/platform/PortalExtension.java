package dev.competency.e2e.platform;

import dev.competency.e2e.browser.Chromium;
import dev.competency.e2e.browser.Portal;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the platform once for every test class of the JVM (kept in the root store, closed when the run ends) and
 * gives tests what they need: the {@link RunningPlatform}, a {@link PlatformApi}, a {@link PlatformActivity} and, per
 * test method, a new {@link Portal} browser that is closed after the test (with a screenshot of where it stood if the
 * test failed).
 */
public final class PortalExtension implements BeforeAllCallback, ParameterResolver, AfterTestExecutionCallback,
        AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PortalExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    private static RunningPlatform platform(ExtensionContext context) {
        Chromium.requireInstalled();
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningPlatform.class,
                key -> RunningPlatform.start(repositoryRoot(), workDirectory()), RunningPlatform.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == PlatformApi.class || type == PlatformActivity.class
                || type == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        RunningPlatform platform = platform(context);
        if (type == RunningPlatform.class) {
            return platform;
        }
        if (type == PlatformApi.class) {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PlatformApi.class,
                    key -> new PlatformApi(platform.gateway()), PlatformApi.class);
        }
        if (type == PlatformActivity.class) {
            return context.getRoot().getStore(NAMESPACE).computeIfAbsent(PlatformActivity.class,
                    key -> new PlatformActivity(platform), PlatformActivity.class);
        }
        if (context.getTestMethod().isEmpty()) {
            throw new IllegalStateException("A Portal browser belongs to one test method, not to " + context);
        }
        Portal portal = Portal.open(platform.gateway(), workDirectory());
        context.getStore(NAMESPACE).put(Portal.class, portal);
        return portal;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Portal portal = context.getStore(NAMESPACE).get(Portal.class, Portal.class);
        if (portal != null && context.getExecutionException().isPresent()) {
            String method = context.getRequiredTestMethod().getName();
            String name = context.getRequiredTestClass().getSimpleName() + "-" + method
                    + (context.getDisplayName().startsWith(method) ? "" : "-" + context.getDisplayName());
            portal.captureAs("failed-" + name.replaceAll("[^A-Za-z0-9_.-]+", "_"));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Portal portal = context.getStore(NAMESPACE).remove(Portal.class, Portal.class);
        if (portal != null) {
            portal.close();
        }
    }

    /** The repository checkout whose built jars are started (Failsafe passes it; else the working directory's). */
    static Path repositoryRoot() {
        String configured = System.getProperty("e2e.repository-root");
        return (configured == null ? Path.of("../..") : Path.of(configured)).toAbsolutePath().normalize();
    }

    /** Where the platform's data and logs, browser profiles and screenshots go: the module's {@code target}. */
    public static Path workDirectory() {
        String configured = System.getProperty("e2e.work-dir");
        return (configured == null ? Path.of("target") : Path.of(configured)).toAbsolutePath().normalize();
    }
}
