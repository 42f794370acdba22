package dev.competency.platform.bench;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of every bench, read by picocli into a class whose annotated fields declare the options (name,
 * default, description): {@code --help} prints the usage built from them, and an option that is not declared, lacks
 * its value or has one of the wrong kind stops the bench with that option named. Options that several benches take
 * are declared once, below, and mixed into each bench's class ({@code @Mixin}) with that bench's default.
 */
final class BenchCommandLine {

    private static final Logger log = LoggerFactory.getLogger(BenchCommandLine.class);

    private BenchCommandLine() {
    }

    /**
     * The options given in {@code args}.
     *
     * @throws ParameterException naming the option that is unknown, lacks its value or has a value of the wrong kind
     */
    static <T> T parse(Class<T> options, String... args) {
        CommandLine line = new CommandLine(options);
        line.parseArgs(args);
        return line.getCommand();
    }

    /** The usage text of the options, as {@code --help} prints it. */
    static String usage(Class<?> options) {
        return new CommandLine(options).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * For a bench's {@code main}: the options given in {@code args}; after printing the usage, ends the JVM with status
     * 0 on {@code --help} and with status 2 on a bad option.
     */
    static <T> T parseOrExit(Class<T> options, String... args) {
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            log.error("{}{}{}", e.getMessage(), System.lineSeparator(), usage(options));
            System.exit(2);
        }
        if (line.isUsageHelpRequested()) {
            log.info("{}{}", System.lineSeparator(), usage(options));
            System.exit(0);
        }
        return line.getCommand();
    }

    /** {@code --help}. */
    static final class Help {

        @Option(names = "--help", usageHelp = true, description = "show this text")
        boolean requested;
    }

    /** The workload's size: {@code --learners} and {@code --competencies}. */
    static final class WorkloadSize {

        @Option(names = "--learners", paramLabel = "N", converter = Positive.class,
                description = "learners of the workload (default ${DEFAULT-VALUE})")
        int learners;

        @Option(names = "--competencies", paramLabel = "N", converter = Positive.class,
                description = "competencies of the framework, one record per learner each (default ${DEFAULT-VALUE})")
        int competencies;

        WorkloadSize(int learners, int competencies) {
            this.learners = learners;
            this.competencies = competencies;
        }
    }

    /** {@code --rate}: records per second of a bench's open-loop step. */
    static final class Rate {

        @Option(names = "--rate", paramLabel = "N", converter = Positive.class,
                description = "records per second of the open-loop load (default ${DEFAULT-VALUE})")
        int perSecond;

        Rate(int perSecond) {
            this.perSecond = perSecond;
        }
    }

    /** {@code --service-heap}: the started service's maximum heap. */
    static final class ServiceHeap {

        @Option(names = "--service-heap", paramLabel = "SIZE",
                description = "-Xmx of the started service (default ${DEFAULT-VALUE})")
        String size;

        ServiceHeap(String size) {
            this.size = size;
        }
    }

    /** {@code --jar}: the started service's executable jar. */
    static final class ServiceJar {

        @Option(names = "--jar", paramLabel = "PATH",
                description = "the service's executable jar, against the repository when relative (default "
                        + "${DEFAULT-VALUE})")
        Path path;

        ServiceJar(String path) {
            this.path = Path.of(path);
        }

        /** The jar, a relative path taken against the repository {@code root}. */
        Path in(Path root) {
            return root.resolve(path).toAbsolutePath().normalize();
        }
    }

    /** A whole number of at least 1; {@code _} may group digits ({@code 1_000_000}). */
    static final class Positive implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            return atLeast(1, "a positive whole number", value);
        }
    }

    /** A whole number of at least 0; {@code _} may group digits. */
    static final class NonNegative implements ITypeConverter<Integer> {

        @Override
        public Integer convert(String value) {
            return atLeast(0, "a whole number, 0 or more", value);
        }
    }

    private static int atLeast(int least, String what, String value) {
        int number;
        try {
            number = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("needs " + what + ", not '" + value + "'");
        }
        if (number < least) {
            throw new TypeConversionException("needs " + what + ", not '" + value + "'");
        }
        return number;
    }
}
