package dev.competency.platform.bench;

import com.mongodb.ConnectionString;
import dev.competency.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The service the bench measures: one it started from the jar, or a running one named on the command line. */
final class ServiceUnderTest implements AutoCloseable {

    private final Optional<ServiceProcess> started;
    private final ServiceClient client;
    private final String database;
    private final String description;

    private ServiceUnderTest(Optional<ServiceProcess> started, ServiceClient client, String database,
                             String description) {
        this.started = started;
        this.client = client;
        this.database = database;
        this.description = description;
    }

    static ServiceUnderTest of(BenchOptions options, Infrastructure infrastructure) {
        if (options.service().isPresent()) {
            String database = Optional.ofNullable(new ConnectionString(options.mongo().orElseThrow()).getDatabase())
                    .orElse("learner-profiles");
            ServiceClient client = new ServiceClient(options.service().get(), () -> options.adminToken().orElse(""));
            return new ServiceUnderTest(Optional.empty(), client, database, "running at " + options.service().get()
                    + " (database " + database + ")");
        }
        ServiceProcess process = ServiceProcess.start("learner-profiles", ServiceProcess.requireJar("learner-profiles",
                        options.jar(), "mvn -B clean package -DskipTests -Djib.skip -pl services/learner-profiles -am"),
                List.of("-Xms512m", "-Xmx" + options.serviceHeap()),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "MONGODB_URI", infrastructure.mongoConnectionString() + "/" + options.database()),
                "/actuator/health");
        ServiceClient client = new ServiceClient(process.url(), () -> TestTokens.token("bench-admin", "ADMIN"));
        return new ServiceUnderTest(Optional.of(process), client, options.database(),
                "started from " + options.jar() + " (pid " + process.pid() + ", -Xmx" + options.serviceHeap()
                        + ", database " + options.database() + ")");
    }

    ServiceClient client() {
        return client;
    }

    /** The process id of the service the bench started; empty for a running one named on the command line. */
    OptionalLong pid() {
        return started.map(process -> OptionalLong.of(process.pid())).orElse(OptionalLong.empty());
    }

    String database() {
        return database;
    }

    String describe() {
        return description;
    }

    @Override
    public void close() {
        started.ifPresent(ServiceProcess::close);
    }
}
