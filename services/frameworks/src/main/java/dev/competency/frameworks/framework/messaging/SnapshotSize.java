package dev.competency.frameworks.framework.messaging;

import dev.competency.frameworks.framework.domain.FrameworkVersionPublished;
import dev.competency.frameworks.framework.domain.PublicationSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures a publication as the publisher will send it: the {@code framework.published} snapshot serialised by the
 * same mapper. The limit ({@code frameworks.publication.max-snapshot-bytes}) stays below the producer's
 * {@code max.request.size} and the topic's {@code max.message.bytes}, which leave room for key, headers and batch
 * overhead.
 */
@Component
class SnapshotSize implements PublicationSize {

    private final JsonMapper json;
    private final long limit;

    SnapshotSize(JsonMapper json, @Value("${frameworks.publication.max-snapshot-bytes}") long limit,
                 @Value("${frameworks.publication.max-message-bytes}") long maxMessageBytes) {
        if (limit + FrameworksTopic.RECORD_OVERHEAD > maxMessageBytes) {
            throw new IllegalArgumentException("frameworks.publication.max-snapshot-bytes (" + limit + ") must stay "
                    + FrameworksTopic.RECORD_OVERHEAD + " bytes below frameworks.publication.max-message-bytes ("
                    + maxMessageBytes + ")");
        }
        this.json = json;
        this.limit = limit;
    }

    @Override
    public long bytes(FrameworkVersionPublished publication) {
        return json.writeValueAsBytes(FrameworkSnapshots.published(publication)).length;
    }

    @Override
    public long limitBytes() {
        return limit;
    }
}
