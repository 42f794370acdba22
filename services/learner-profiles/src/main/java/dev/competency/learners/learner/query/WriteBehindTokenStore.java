package dev.competency.learners.learner.query;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-model processor's token store: a segment's token is stored only after the segment's writes of the events
 * it covers ({@link WriteBehind}), so a crash never leaves a token ahead of the read models. Fetching a token or releasing a
 * claim first waits for the pending writes: a processor that stops (for a rebuild, at shutdown) leaves nothing half
 * sent, and one that starts reads the token those writes left. Extending a claim raises their failure. Everything
 * else goes straight to the store.
 */
public final class WriteBehindTokenStore implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(WriteBehindTokenStore.class);

    private final TokenStore store;
    private final WriteBehind writeBehind;

    public WriteBehindTokenStore(TokenStore store, WriteBehind writeBehind) {
        this.store = store;
        this.writeBehind = writeBehind;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        writeBehind.behindPending(segment, () -> store.storeToken(token, processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        writeBehind.awaitPending(segment);
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        writeBehind.awaitPending(segment.getSegmentId());
        return store.fetchToken(processorName, segment);
    }

    /**
     * Releases the claim whatever became of the pending writes, so that another instance can take the segment over.
     * Their failure is logged here: the processor ignores a failed release, and the token stays before those writes,
     * so they are written again when the segment is next processed.
     */
    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            writeBehind.awaitPending(segment);
        } catch (RuntimeException failure) {
            log.warn("Read-model writes of {} failed before its claim on segment {} was released; its token stays "
                    + "before them and they are written again when the segment is next processed",
                    processorName, segment, failure);
        }
        store.releaseClaim(processorName, segment);
    }

    /**
     * Raises a failure of the pending writes without waiting for them: the processor extends its claim as it starts
     * each batch, and every second while it waits for events, so a failure reaches it even when no batch follows.
     */
    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        writeBehind.raiseFailure(segment);
        store.extendClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
