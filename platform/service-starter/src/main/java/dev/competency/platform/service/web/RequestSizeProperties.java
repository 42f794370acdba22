package dev.competency.platform.service.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body a service reads ({@code platform.web.request-size.*}), the same limits the gateway
 * applies, so that a request sent straight to a service meets them too.
 *
 * @param max   the limit of every path not listed under {@code paths}
 * @param paths larger (or smaller) limits by path pattern, such as {@code /xapi/**}; the most specific pattern wins
 */
@ConfigurationProperties("platform.web.request-size")
public record RequestSizeProperties(DataSize max, Map<String, DataSize> paths) {

    public RequestSizeProperties {
        max = max == null ? DataSize.ofMegabytes(1) : max;
        paths = paths == null ? Map.of() : Map.copyOf(paths);
    }
}
