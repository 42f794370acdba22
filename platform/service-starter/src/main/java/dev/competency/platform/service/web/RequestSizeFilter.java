package dev.competency.platform.service.web;

import dev.competency.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above the limit of their path with 413 before anything reads them: at once when the
 * declared {@code Content-Length} is too large, and as soon as a body without one (chunked) goes past the limit
 * while it is read ({@link PayloadTooLarge}).
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final List<Limit> limits;
    private final JsonMapper json;

    public RequestSizeFilter(RequestSizeProperties properties, JsonMapper json) {
        this.defaultLimit = properties.max().toBytes();
        this.limits = properties.paths().entrySet().stream()
                .map(entry -> new Limit(PathPatternParser.defaultInstance.parse(entry.getKey()),
                        entry.getValue().toBytes()))
                .sorted(Comparator.comparing(Limit::pattern, PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
        this.json = json;
    }

    /** The limit of a request path. */
    long limitFor(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return limits.stream().filter(limit -> limit.pattern().matches(container)).findFirst()
                .map(Limit::bytes).orElse(defaultLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Problems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, detail(limit));
            return;
        }
        // A declared length is enforced by the container; only a body of unknown length needs counting.
        chain.doFilter(declared < 0 ? new LimitedRequest(request, limit) : request, response);
    }

    static String detail(long limit) {
        DataSize size = DataSize.ofBytes(limit);
        String readable = limit % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
                : limit % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB" : limit + " bytes";
        return "The request body is larger than the " + readable + " this resource accepts";
    }

    private record Limit(PathPattern pattern, long bytes) {
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            if (encoding == null) {
                return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
            }
            try {
                return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
