package dev.competency.assessments.xapi.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/mixed} body (RFC 2046) as xAPI sends statements with attachments: parts separated by
 * {@code --boundary} lines, each with its own header lines, a blank line and its bytes. Servlet containers only take
 * {@code multipart/form-data} apart, and this is the whole grammar xAPI needs (no nesting, no transfer encodings but
 * {@code binary}).
 */
final class MultipartMixed {

    /** One part: its headers (names in lower case) and its content. */
    record Part(Map<String, String> headers, byte[] content) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private MultipartMixed() {
    }

    /**
     * The parts of {@code body}.
     *
     * @throws InvalidXapiRequest when the body does not follow the multipart syntax with this boundary
     */
    static List<Part> parse(byte[] body, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw InvalidXapiRequest.of("Content-Type", "a multipart/mixed body needs a boundary parameter");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int position;
        if (startsWith(body, 0, delimiter)) {
            position = delimiter.length;
        } else {
            int first = indexOf(body, separator, 0);
            if (first < 0) {
                throw malformed("the boundary does not occur in the body");
            }
            position = first + separator.length;
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts;
            }
            position = skipLine(body, position);
            int end = indexOf(body, separator, position);
            if (end < 0) {
                throw malformed("the closing boundary is missing");
            }
            parts.add(part(Arrays.copyOfRange(body, position, end)));
            position = end + separator.length;
        }
    }

    private static Part part(byte[] raw) {
        int headersEnd = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        String headerText;
        byte[] content;
        if (startsWith(raw, 0, CRLF)) {
            headerText = "";
            content = Arrays.copyOfRange(raw, 2, raw.length);
        } else if (headersEnd >= 0) {
            headerText = new String(raw, 0, headersEnd, StandardCharsets.UTF_8);
            content = Arrays.copyOfRange(raw, headersEnd + 4, raw.length);
        } else {
            throw malformed("a part has no blank line after its headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : headerText.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part has a header line without a name: " + line);
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return new Part(headers, content);
    }

    /** Moves past transport padding and the line break that ends a boundary line. */
    private static int skipLine(byte[] body, int position) {
        int lineEnd = indexOf(body, CRLF, position);
        if (lineEnd < 0) {
            throw malformed("a boundary line does not end");
        }
        for (int i = position; i < lineEnd; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                throw malformed("a boundary line has other characters after the boundary");
            }
        }
        return lineEnd + CRLF.length;
    }

    private static InvalidXapiRequest malformed(String why) {
        return InvalidXapiRequest.of("multipart", "is not a valid multipart/mixed body: " + why);
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        return offset + prefix.length <= body.length
                && Arrays.equals(body, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        for (int i = from; i <= body.length - target.length; i++) {
            if (startsWith(body, i, target)) {
                return i;
            }
        }
        return -1;
    }
}
