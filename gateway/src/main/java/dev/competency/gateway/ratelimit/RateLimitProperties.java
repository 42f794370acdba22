package dev.competency.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits ({@code platform.gateway.rate-limit.*}): a token bucket per client that holds {@code burst} requests and
 * refills at {@code requestsPerSecond}, and one per remote address for requests whose caller is not known yet
 * (no credentials, a token not verified before, xAPI Basic credentials not accepted before), counted before any
 * signature is checked.
 *
 * @param store {@code memory}: this instance only, no infrastructure; {@code redis}: shared by all replicas
 * @param requestsPerSecond the sustained rate a client may keep up ({@code RATE_LIMIT_PER_SECOND})
 * @param burst how many requests a client may send at once after a pause ({@code RATE_LIMIT_BURST})
 * @param anonymousRequestsPerSecond the sustained rate of one address's unknown callers
 *                                   ({@code RATE_LIMIT_ANONYMOUS_PER_SECOND})
 * @param anonymousBurst their burst ({@code RATE_LIMIT_ANONYMOUS_BURST})
 */
@ConfigurationProperties("platform.gateway.rate-limit")
public record RateLimitProperties(String store, int requestsPerSecond, int burst, int anonymousRequestsPerSecond,
                                  int anonymousBurst) {

    public RateLimitProperties {
        store = store == null || store.isBlank() ? "memory" : store;
        anonymousRequestsPerSecond = anonymousRequestsPerSecond == 0 ? requestsPerSecond : anonymousRequestsPerSecond;
        anonymousBurst = anonymousBurst == 0 ? burst : anonymousBurst;
        check(requestsPerSecond, burst);
        check(anonymousRequestsPerSecond, anonymousBurst);
    }

    Budget client() {
        return new Budget("client", requestsPerSecond, burst);
    }

    Budget anonymous() {
        return new Budget("anonymous", anonymousRequestsPerSecond, anonymousBurst);
    }

    private static void check(int requestsPerSecond, int burst) {
        // Redis keeps a bucket for twice the time it takes to fill; under half a second it would keep none.
        if (requestsPerSecond < 1 || burst < requestsPerSecond) {
            throw new IllegalArgumentException("platform.gateway.rate-limit needs whole requests-per-second >= 1 "
                    + "and a burst of at least requests-per-second, for clients and for anonymous callers");
        }
    }

    /** One kind of bucket: its name (the "route" the rate limiter keeps its configuration under), refill and size. */
    record Budget(String name, int requestsPerSecond, int burst) {
    }
}
