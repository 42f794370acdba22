package dev.competency.platform.service.mongo;

/**
 * A typed identifier that a read model stores as its bare string, so that a document keeps the shape it had while
 * the id was a {@code String}. The type needs a public constructor taking that string.
 */
public interface StringIdentifier {

    String value();
}
