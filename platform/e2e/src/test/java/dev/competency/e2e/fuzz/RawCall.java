package dev.competency.e2e.fuzz;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request exactly as a fuzz case builds it: the method, the path and query already percent-encoded the way the
 * case wants them on the wire (so {@code %00}, {@code ..} and {@code %2F} reach the gateway as written), the headers
 * and the body bytes, which need not be JSON at all.
 */
record RawCall(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private static final int LARGE_BODY = 256 * 1024;

    RawCall {
        headers = Map.copyOf(headers);
    }

    /** What the platform answered. */
    record Answer(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        String contentType() {
            return header("content-type").orElse("");
        }

        String shortBody() {
            return body.length() > 600 ? body.substring(0, 600) + "… (" + body.length() + " characters)" : body;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + header("retry-after").map(r -> " Retry-After: " + r).orElse("")
                    + " " + shortBody();
        }
    }

    /**
     * Sends the request; a 429 of the gateway's rate limit (the run is one client sending as fast as it can) is waited
     * out as its {@code Retry-After} says and the request sent again, since it never reached the service.
     */
    Answer sendTo(URI gateway) {
        Answer answer = sendOnce(gateway);
        for (int attempt = 0; attempt < 5 && answer.status() == 429; attempt++) {
            long seconds = Math.max(1, Long.parseLong(answer.header("retry-after").orElse("1").trim()));
            await("the rate limit's Retry-After").pollDelay(Duration.ofSeconds(seconds))
                    .atMost(Duration.ofSeconds(seconds + 5)).until(() -> true);
            answer = sendOnce(gateway);
        }
        return answer;
    }

    private Answer sendOnce(URI gateway) {
        if (body != null && body.length > LARGE_BODY) {
            return LargeBody.send(gateway, this);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.toString() + pathAndQuery))
                .timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) ->
                    answerHeaders.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(describe() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + describe(), e);
        }
    }

    /** The request as a report shows it: method, path, content type and the start of the body. */
    String describe() {
        StringBuilder text = new StringBuilder(method).append(' ')
                .append(pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "…" : pathAndQuery);
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                text.append(" [").append(name).append(": ").append(value).append(']');
            } else {
                text.append(" [").append(name).append(": ").append(value, 0, value.indexOf(' ')).append(" …]");
            }
        });
        if (body != null) {
            String shown = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8)
                    .replace("\u0000", "\\u0000");
            text.append(' ').append(shown).append(body.length > 400 ? "… (" + body.length + " bytes)" : "");
        }
        return text.toString();
    }
}
