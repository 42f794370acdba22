package dev.competency.faults.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one instance of a service reports on its Prometheus endpoint ({@code /actuator/prometheus}): the events its
 * event processors took in (the Axon starter's {@code eventProcessor.ingestedCounter}, by processor: the events of the segments
 * the instance held, whether a handler of the processor wanted them or not) and the records its Kafka listeners
 * handled (Spring Kafka's {@code spring.kafka.listener} timer). Counters start at 0 when the instance starts.
 */
public final class InstanceMeters {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern INGESTED = Pattern.compile(
            "(?m)^eventProcessor_ingestedCounter_total\\{[^}]*processorName=\"([^\"]+)\"[^}]*} (\\S+)$");
    private static final Pattern LISTENER_CALLS = Pattern.compile(
            "(?m)^spring_kafka_listener_seconds_count\\{[^}]*} (\\S+)$");

    private InstanceMeters() {
    }

    /**
     * One reading of an instance's counters.
     *
     * @param events        events taken in, by processor
     * @param listenerCalls records (or batches) handled by its Kafka listeners, successfully or not
     */
    public record Sample(Map<String, Double> events, double listenerCalls) {

        public double allEvents() {
            return events.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** What was counted since {@code earlier}, a reading of the same instance. */
        public Sample since(Sample earlier) {
            Map<String, Double> delta = new TreeMap<>();
            events.forEach((processor, count) -> delta.put(processor, count - earlier.events()
                    .getOrDefault(processor, 0.0)));
            return new Sample(delta, listenerCalls - earlier.listenerCalls());
        }
    }

    /** Reads the instance's counters at {@code instance} (its own address, not the gateway's). */
    public static Sample sample(URI instance) {
        String text = scrape(instance);
        Map<String, Double> events = new TreeMap<>();
        Matcher ingested = INGESTED.matcher(text);
        while (ingested.find()) {
            events.merge(ingested.group(1), Double.parseDouble(ingested.group(2)), Double::sum);
        }
        double calls = 0;
        Matcher listener = LISTENER_CALLS.matcher(text);
        while (listener.find()) {
            calls += Double.parseDouble(listener.group(1));
        }
        return new Sample(events, calls);
    }

    /** The instance's Prometheus endpoint as text. */
    public static String scrape(URI instance) {
        URI metrics = instance.resolve("/actuator/prometheus");
        try {
            return HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
