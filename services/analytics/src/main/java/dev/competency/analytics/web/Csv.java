package dev.competency.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * CSV answers of the analytics views (RFC 4180): a header row, then one row per item, written to the response as
 * they are produced. Text that a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    /** Whether the caller asked for CSV: {@code format=csv}, or an Accept header naming text/csv. */
    public static boolean requested(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidParameter("format", "must be json or csv");
            };
        }
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    /**
     * Writes a CSV answer to the current response as its rows are produced ({@code rows} is called with a sink that
     * writes one row) and returns null, which tells Spring MVC the response is complete.
     */
    public static ResponseEntity<Object> answer(String name, List<String> header, Consumer<Consumer<List<?>>> rows) {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        response.setStatus(200);
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                    StandardCharsets.UTF_8));
            Consumer<List<?>> sink = row -> {
                try {
                    writeRow(writer, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            sink.accept(header);
            rows.accept(sink);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    static void writeRow(Writer writer, List<?> row) throws IOException {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(row.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
