package dev.competency.deploycheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the applications read and how their images are named, from their sources and their dependencies. */
final class Applications {

    /** The image every deployable is built into: {@code competency/<artifactId>}, as docker-compose.yml names them. */
    static final String IMAGE_PREFIX = "competency/";

    /** Environment variables read by the JVM rather than by the application. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Set<String> BOOT_PROPERTIES = new HashSet<>();
    private static final Set<String> BOOT_MAP_PROPERTIES = new HashSet<>();

    static {
        loadBootMetadata();
    }

    private Applications() {
    }

    /** The module folder of the deployable behind a Deployment of this name. */
    static Path module(String deployment) {
        return "gateway".equals(deployment) ? Repository.ROOT.resolve("gateway")
                : Repository.ROOT.resolve("services").resolve(deployment);
    }

    /**
     * The configuration files an application reads: its own, and for the services the starters' defaults (the Axon
     * starter's for those that depend on it).
     */
    static List<Path> configurationFiles(String deployment) {
        List<Path> files = new ArrayList<>(yamlFiles(module(deployment).resolve("src/main/resources")));
        if (!"gateway".equals(deployment)) {
            files.addAll(yamlFiles(Repository.ROOT.resolve("platform/service-starter/src/main/resources")));
            String pom = Repository.read(module(deployment).resolve("pom.xml"));
            if (pom.contains("<artifactId>axon-starter</artifactId>")) {
                files.addAll(yamlFiles(Repository.ROOT.resolve("platform/axon-starter/src/main/resources")));
            }
        }
        return files;
    }

    /**
     * Whether the application reads this environment variable: a placeholder in its configuration, a property it
     * sets in its configuration, or a property Spring Boot binds (by relaxed binding, maps by their prefix).
     */
    static boolean reads(String deployment, String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return true;
        }
        Set<String> own = new HashSet<>();
        for (Path file : configurationFiles(deployment)) {
            String text = Repository.read(file);
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                own.add(m.group(1));
            }
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc instanceof Map<?, ?> map) {
                    flatten("", map, own);
                }
            }
        }
        if (own.contains(variable) || BOOT_PROPERTIES.contains(variable)) {
            return true;
        }
        return BOOT_MAP_PROPERTIES.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    /** The artifactId of the deployable's Maven module. */
    static String artifactId(String deployment) {
        String pom = Repository.read(module(deployment).resolve("pom.xml"));
        Matcher m = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("No artifactId in " + module(deployment));
        }
        return m.group(1);
    }

    /**
     * The comma-separated values of a property the application sets in its own {@code application.yml} (a path of
     * nested keys, e.g. {@code platform.topics.consumes}); empty when it sets none.
     */
    static List<String> listProperty(String deployment, String property) {
        Object node = new Yaml(new SafeConstructor(new LoaderOptions())).load(
                Repository.read(module(deployment).resolve("src/main/resources/application.yml")));
        for (String key : property.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node == null ? List.of() : Stream.of(node.toString().split(",")).map(String::strip).toList();
    }

    /** The environment variable Spring Boot binds to a property name. */
    static String environmentName(String property) {
        return property.replace("[", "").replace("]", "").replace('.', '_').replace("-", "").toUpperCase();
    }

    private static void flatten(String prefix, Map<?, ?> map, Set<String> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            into.add(environmentName(name));
            if (value instanceof Map<?, ?> child) {
                flatten(name, child, into);
            }
        });
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void loadBootMetadata() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (String name : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                Enumeration<URL> urls = Applications.class.getClassLoader().getResources(name);
                while (urls.hasMoreElements()) {
                    try (InputStream in = urls.nextElement().openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String env = environmentName(property.path("name").asString());
                            BOOT_PROPERTIES.add(env);
                            if (property.path("type").asString("").startsWith("java.util.Map")) {
                                BOOT_MAP_PROPERTIES.add(env);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!BOOT_PROPERTIES.contains("SPRING_KAFKA_SECURITY_PROTOCOL")) {
            throw new IllegalStateException("Spring Boot's configuration metadata is not on the classpath");
        }
    }
}
