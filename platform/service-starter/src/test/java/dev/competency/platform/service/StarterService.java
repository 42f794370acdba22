package dev.competency.platform.service;

import dev.competency.platform.test.RunningService;

/**
 * The test application, started once for every integration test of the starter that does not restart it (a Spring
 * context costs seconds), stopped when the test JVM ends.
 */
public final class StarterService {

    private static RunningService service;

    private StarterService() {
    }

    public static synchronized RunningService get() {
        if (service == null) {
            service = RunningService.start(StarterTestApplication.class, "starter-it",
                    "spring.application.name=starter-test");
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        }
        return service;
    }
}
