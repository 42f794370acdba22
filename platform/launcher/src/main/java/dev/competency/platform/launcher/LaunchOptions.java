package dev.competency.platform.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the local launcher was asked for on its command line.
 *
 * @param dataDirectory where Kafka, MongoDB and the logs keep their data across restarts; empty for a throw-away run
 * @param kafkaPort the broker's client port
 * @param mongoPort the MongoDB-compatible server's port
 * @param gatewayPort the gateway's port, the one URL users need
 * @param firstServicePort the frameworks service's port; assessments, learner-profiles, analytics and community take
 *                         the next
 * @param demo whether to load the demo data once everything is up
 * @param stopOnEndOfInput whether to stop everything when standard input ends (a controlling process that dies
 *                         closes it), instead of only reading no more commands
 * @param root the repository checkout whose built jars are started
 */
public record LaunchOptions(Optional<Path> dataDirectory, int kafkaPort, int mongoPort, int gatewayPort,
                            int firstServicePort, boolean demo, boolean stopOnEndOfInput, Path root) {

    static final String USAGE = """
            Usage: run-local.sh [options]
              --data-dir DIR        keep Kafka, MongoDB and log data in DIR across restarts (default: temporary)
              --kafka-port N        Kafka broker port (default 9092)
              --mongo-port N        MongoDB-compatible server port (default 27017)
              --gateway-port N      gateway port (default 8080)
              --services-port N     first service port; five consecutive ports are used (default 8081)
              --demo                load the demo data once everything is up (a framework, a team of learners
                                    with evidence, assessments, a discussion and a running team challenge)
              --stop-on-end-of-input  stop everything when standard input ends (for a controlling process)
              --help                show this text
            While it runs, each line read on standard input is a command for one application (frameworks,
            assessments, learner-profiles, analytics, community or gateway):
              kill NAME             stop it at once (SIGKILL)
              stop NAME             stop it gracefully (SIGTERM)
              start NAME            start it again on its port and wait until it reports UP
              add SERVICE           start a further instance of a service (SERVICE-2, then -3, ...) on a port
                                    of its own, with the same database and consumer groups; kill, stop and
                                    start take its name; the gateway keeps routing to the first instance
            and for the embedded broker (kafka) and store (mongodb), which run in this JVM:
              stop kafka|mongodb    shut it down; clients are refused until it starts again
              start kafka|mongodb   start it again on its port with its data (the broker's log directory;
                                    the store's file with --data-dir, else the databases kept in memory)""";

    public static LaunchOptions parse(String[] args, Path root) {
        Optional<Path> dataDirectory = Optional.empty();
        int kafkaPort = 9092;
        int mongoPort = 27017;
        int gatewayPort = 8080;
        int servicesPort = 8081;
        boolean demo = false;
        boolean stopOnEndOfInput = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(option, rest)).toAbsolutePath());
                case "--kafka-port" -> kafkaPort = port(option, rest);
                case "--mongo-port" -> mongoPort = port(option, rest);
                case "--gateway-port" -> gatewayPort = port(option, rest);
                case "--services-port" -> servicesPort = port(option, rest);
                case "--demo" -> demo = true;
                case "--stop-on-end-of-input" -> stopOnEndOfInput = true;
                default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
            }
        }
        return new LaunchOptions(dataDirectory, kafkaPort, mongoPort, gatewayPort, servicesPort, demo,
                stopOnEndOfInput, root);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return rest.remove(0);
    }

    private static int port(String option, List<String> rest) {
        String value = value(option, rest);
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number from 0 to 65535, not '" + value + "'");
        }
    }
}
