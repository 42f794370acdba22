package dev.competency.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request with a large body over a plain HTTP/1.1 connection, reading the answer while the body is still
 * being written, and leaving the connection open until the answer is complete. A server that refuses a body over its
 * limit answers 413 before reading it; the JDK's HttpClient then at times reports the connection reset instead of the
 * answer, and its {@code Expect: 100-continue} (JDK 17) waits forever when the answer is not 100.
 */
final class LargeBody {

    private static final int TIMEOUT_MILLIS = 90_000;

    private LargeBody() {
    }

    static RawCall.Answer send(URI gateway, RawCall call) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 10_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.pathAndQuery())
                    .append(" HTTP/1.1\r\nHost: ").append(gateway.getHost()).append(':').append(gateway.getPort())
                    .append("\r\nContent-Length: ").append(call.body().length).append("\r\n");
            call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    out.write(call.body());
                    out.flush();
                } catch (IOException refusedWhileWriting) {
                    // The server answered and closed before taking the whole body: its answer is read below.
                }
            });
            byte[] received = readAll(socket.getInputStream());
            writing.join();
            return parse(received);
        } catch (IOException e) {
            throw new UncheckedIOException(call.describe() + " failed", e);
        }
    }

    /**
     * The answer's bytes, read until it is complete (its {@code Content-Length}, the last chunk, or the end of the
     * stream): the connection stays open, since a server closing it with the body unread resets it, answer and all.
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            all.write(buffer, 0, read);
            if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                break;
            }
        }
        return all.toByteArray();
    }

    private static boolean complete(String received) {
        int end = received.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = received.substring(0, end).toLowerCase(Locale.ROOT);
        String status = head.length() > 12 ? head.substring(9, 12) : "";
        if (status.equals("204") || status.equals("304")) {
            return true;
        }
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length);
            long expected = Long.parseLong(head.substring(length + "content-length:".length(),
                    lineEnd < 0 ? head.length() : lineEnd).strip());
            return received.length() - end - 4 >= expected;
        }
        return head.contains("transfer-encoding: chunked") && received.endsWith("0\r\n\r\n");
    }

    private static RawCall.Answer parse(byte[] received) throws IOException {
        String text = new String(received, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("No HTTP answer, only " + received.length + " bytes: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = dechunk(body);
        }
        return new RawCall.Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
