package dev.competency.assessments.frameworks.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The framework versions published on {@code competency.frameworks.v1}, reduced to what alignments are checked
 * against. Writes are upserts keyed by framework and version, so receiving a snapshot again changes nothing.
 */
public class FrameworkCatalogue {

    /** The consumer group that keeps this catalogue, reading {@code competency.frameworks.v1}. */
    public static final String CONSUMER = "assessments.framework-catalogue";

    static final String COLLECTION = "framework_versions";

    private final MongoCollection<StoredVersion> versions;

    public FrameworkCatalogue(MongoDatabase database) {
        this.versions = RecordCollections.collection(database, COLLECTION, StoredVersion.class);
    }

    /** A version as stored in {@code framework_versions}. Public only for the driver's record codec. */
    public record StoredVersion(@BsonId String key, String frameworkId, int version,
                                List<StoredCompetency> competencies, List<FrameworkVersion.Level> levels,
                                List<CompetencyId> rolledUpParents, @BsonProperty(RETIRED) boolean retired) {
        static final String RETIRED = "retired";

        FrameworkVersion domain() {
            Map<String, String> codes = new LinkedHashMap<>();
            competencies.forEach(c -> codes.put(c.id().value(), c.code()));
            return new FrameworkVersion(frameworkId, version, retired, codes, levels,
                    rolledUpParents == null ? Set.of()
                            : rolledUpParents.stream().map(CompetencyId::value).collect(Collectors.toSet()));
        }
    }

    /** A competency of a stored version: its id and code. */
    public record StoredCompetency(CompetencyId id, String code) {
    }

    public void store(FrameworkPublished snapshot) {
        String key = id(snapshot.frameworkId(), snapshot.version());
        StoredVersion existing = versions.find(Filters.eq("_id", key)).first();
        versions.replaceOne(Filters.eq("_id", key), new StoredVersion(key, snapshot.frameworkId(), snapshot.version(),
                snapshot.competencies().stream().map(c -> new StoredCompetency(new CompetencyId(c.id()), c.code()))
                        .toList(),
                snapshot.scale().levels().stream().map(l -> new FrameworkVersion.Level(l.code(), l.threshold()))
                        .toList(),
                rolledUpParents(snapshot).stream().map(CompetencyId::new).toList(),
                existing != null && existing.retired()), new ReplaceOptions().upsert(true));
    }

    public void retire(FrameworkRetired retired) {
        versions.updateOne(Filters.eq("_id", id(retired.frameworkId(), retired.version())),
                Updates.set(StoredVersion.RETIRED, true));
    }

    /** The version as far as this service knows now (see {@link FrameworkArrivals} for decisions). */
    public Optional<FrameworkVersion> find(String frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", id(frameworkId, version))).first())
                .map(StoredVersion::domain);
    }

    /**
     * The competencies whose effective policy (their override, else the framework's) rolls them up from children
     * they have: a rule of NONE, or no children, leaves a competency's mastery to its own evidence.
     */
    static List<String> rolledUpParents(FrameworkPublished snapshot) {
        Set<String> parentsWithChildren = snapshot.competencies().stream().map(FrameworkPublished.Competency::parentId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<String> rolledUp = new ArrayList<>();
        for (FrameworkPublished.Competency competency : snapshot.competencies()) {
            FrameworkPublished.MasteryPolicy policy = competency.policyOverride() != null
                    ? competency.policyOverride() : snapshot.masteryPolicy();
            FrameworkPublished.RollUpRule rule = policy.rollUp();
            if (rule != null && rule.type() != FrameworkPublished.RollUpType.NONE
                    && parentsWithChildren.contains(competency.id())) {
                rolledUp.add(competency.id());
            }
        }
        return rolledUp;
    }

    private static String id(String frameworkId, int version) {
        return frameworkId + ":" + version;
    }
}
