package dev.competency.frameworks.support;

import dev.competency.frameworks.FrameworksApplication;
import dev.competency.platform.test.RunningService;
import dev.competency.platform.test.ServiceHttp;
import dev.competency.platform.test.TestTokens;
import java.time.Duration;
import java.util.UUID;

/**
 * One frameworks service for the integration tests that do not restart it (a Spring context costs seconds): started
 * on first use on its own database, stopped when the test JVM ends.
 */
public final class SharedService {

    public static final String AUTHOR = TestTokens.token("author-1", "AUTHOR");
    public static final String ADMIN = TestTokens.token("admin-1", "ADMIN");
    public static final String LEARNER = TestTokens.token("learner-1", "LEARNER");

    private static RunningService service;

    private SharedService() {
    }

    public static synchronized RunningService get() {
        if (service == null) {
            service = RunningService.start(FrameworksApplication.class,
                    "frameworks-it-" + UUID.randomUUID().toString().substring(0, 8),
                    "frameworks.case.base-uri=https://frameworks.test/ims/case/v1p0");
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        }
        return service;
    }

    public static ServiceHttp as(String token) {
        return new ServiceHttp(get().port()).bearer(token).timeout(Duration.ofSeconds(60));
    }
}
