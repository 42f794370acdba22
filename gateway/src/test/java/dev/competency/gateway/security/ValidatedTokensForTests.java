package dev.competency.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** A {@link ValidatedTokens} that tests outside this package can fill as if tokens had passed validation. */
public final class ValidatedTokensForTests {

    private final ValidatedTokens tokens = new ValidatedTokens();

    public ValidatedTokens tokens() {
        return tokens;
    }

    /** Remembers {@code token} as valid for five minutes, for {@code subject}. */
    public void validate(String token, String subject) {
        tokens.remembering(value -> Mono.just(Jwt.withTokenValue(value).header("alg", "RS256").subject(subject)
                .expiresAt(java.time.Instant.now().plusSeconds(300)).build())).decode(token).block();
    }
}
