package dev.competency.assessments.frameworks.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.competency.assessments.frameworks.domain.FrameworkVersion;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.contracts.frameworks.FrameworkRetired;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The framework versions published on {@code competency.frameworks.v1}, reduced to what alignments are checked
 * against. Writes are upserts keyed by framework and version, so receiving a snapshot again changes nothing.
 */
public class FrameworkCatalogue {

    /** The consumer group that keeps this catalogue, reading {@code competency.frameworks.v1}. */
    public static final String CONSUMER = "assessments.framework-catalogue";

    static final String COLLECTION = "framework_versions";

    private final MongoCollection<Document> versions;

    public FrameworkCatalogue(MongoDatabase database) {
        this.versions = database.getCollection(COLLECTION);
    }

    public void store(FrameworkPublished snapshot) {
        List<Document> competencies = new ArrayList<>();
        snapshot.competencies().forEach(c -> competencies.add(new Document("id", c.id()).append("code", c.code())));
        List<Document> levels = new ArrayList<>();
        snapshot.scale().levels().forEach(l -> levels.add(new Document("code", l.code())
                .append("threshold", l.threshold())));
        Document document = new Document("_id", id(snapshot.frameworkId(), snapshot.version()))
                .append("frameworkId", snapshot.frameworkId())
                .append("version", snapshot.version())
                .append("competencies", competencies)
                .append("levels", levels)
                .append("rolledUpParents", rolledUpParents(snapshot));
        Document existing = versions.find(Filters.eq("_id", document.get("_id"))).first();
        document.append("retired", existing != null && existing.getBoolean("retired", false));
        versions.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    public void retire(FrameworkRetired retired) {
        versions.updateOne(Filters.eq("_id", id(retired.frameworkId(), retired.version())),
                Updates.set("retired", true));
    }

    /** The version as far as this service knows now (see {@link FrameworkArrivals} for decisions). */
    public Optional<FrameworkVersion> find(String frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", id(frameworkId, version))).first())
                .map(FrameworkCatalogue::toVersion);
    }

    /**
     * The competencies whose effective policy (their override, else the framework's) rolls them up from children
     * they have: a rule of NONE, or no children, leaves a competency's mastery to its own evidence.
     */
    static List<String> rolledUpParents(FrameworkPublished snapshot) {
        Set<String> parentsWithChildren = new HashSet<>();
        snapshot.competencies().forEach(c -> {
            if (c.parentId() != null) {
                parentsWithChildren.add(c.parentId());
            }
        });
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

    private static FrameworkVersion toVersion(Document document) {
        Map<String, String> competencies = new LinkedHashMap<>();
        document.getList("competencies", Document.class)
                .forEach(c -> competencies.put(c.getString("id"), c.getString("code")));
        List<FrameworkVersion.Level> levels = document.getList("levels", Document.class).stream()
                .map(l -> new FrameworkVersion.Level(l.getString("code"), l.getDouble("threshold")))
                .toList();
        List<String> rolledUp = document.getList("rolledUpParents", String.class);
        return new FrameworkVersion(document.getString("frameworkId"), document.getInteger("version"),
                document.getBoolean("retired", false), competencies, levels,
                rolledUp == null ? Set.of() : Set.copyOf(rolledUp));
    }

    private static String id(String frameworkId, int version) {
        return frameworkId + ":" + version;
    }
}
