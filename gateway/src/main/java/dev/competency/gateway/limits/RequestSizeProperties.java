package dev.competency.gateway.limits;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code platform.gateway.request-size.*}).
 *
 * @param max the limit for every path not listed in {@code paths} ({@code MAX_REQUEST_SIZE})
 * @param paths path patterns with their own limit, e.g. {@code /xapi/**} ({@code MAX_XAPI_REQUEST_SIZE})
 */
@ConfigurationProperties("platform.gateway.request-size")
public record RequestSizeProperties(DataSize max, Map<String, DataSize> paths) {

    public RequestSizeProperties {
        max = max == null ? DataSize.ofMegabytes(1) : max;
        paths = paths == null ? Map.of() : Map.copyOf(paths);
    }
}
