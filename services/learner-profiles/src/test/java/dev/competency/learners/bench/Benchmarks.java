package dev.competency.learners.bench;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.StringJoiner;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this module in one fork:
 * {@code mvn -pl services/learner-profiles test-compile exec:java [-Dbench=FoldBenchmark] [-Dbench.quick=true]}.
 * Never part of {@code mvn verify}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        exposeClassPath();
        boolean quick = Boolean.getBoolean("bench.quick");
        Options options = new OptionsBuilder()
                .include(Benchmarks.class.getPackageName() + "." + System.getProperty("bench", "FoldBenchmark"))
                .forks(1)
                .jvmArgsAppend("-Xmx2g")
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .build();
        new Runner(options).run();
    }

    /**
     * JMH forks a JVM with {@code java.class.path}; under {@code exec:java} the test class path lives only in the
     * class loader, so it is copied into the property.
     */
    private static void exposeClassPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            StringJoiner path = new StringJoiner(File.pathSeparator);
            for (URL url : loader.getURLs()) {
                path.add(new File(URI.create(url.toString())).getPath());
            }
            System.setProperty("java.class.path", path.toString());
        }
    }
}
