package dev.competency.community.challenge.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.competency.contracts.frameworks.FrameworkPublished;
import dev.competency.platform.service.id.CompetencyId;
import dev.competency.platform.service.mongo.RecordCollections;
import java.util.List;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The competencies published on {@code competency.frameworks.v1}, each with the level codes of its scale from lowest
 * to highest, as the newest version of its framework has them: which competencies a challenge may name, which level
 * it may ask for, and how levels compare. Every write is keyed by the competency and keeps the newest version, so
 * reading a version twice or an older one after a newer changes nothing.
 */
public class CompetencyScales {

    /** The consumer group that keeps this catalogue. */
    public static final String CONSUMER = "community.competencies";

    static final String COLLECTION = "competency_scales";

    private final MongoCollection<Scale> competencies;

    public CompetencyScales(MongoDatabase database) {
        this.competencies = RecordCollections.collection(database, COLLECTION, Scale.class);
    }

    /** A competency's scale as stored; public only because the driver's record codec calls it. */
    public record Scale(@BsonId CompetencyId competencyId, String frameworkId, int version, List<String> levels) {
    }

    public void publish(FrameworkPublished framework) {
        for (FrameworkPublished.Competency competency : framework.competencies()) {
            CompetencyId competencyId = new CompetencyId(competency.id());
            Scale current = competencies.find(Filters.eq("_id", competencyId)).first();
            if (current != null && framework.frameworkId().equals(current.frameworkId())
                    && current.version() > framework.version()) {
                continue;
            }
            FrameworkPublished.ProficiencyScale scale = competency.scaleOverride() != null
                    ? competency.scaleOverride() : framework.scale();
            List<String> levels = scale.levels().stream().map(FrameworkPublished.ProficiencyLevel::code).toList();
            competencies.replaceOne(Filters.eq("_id", competencyId), new Scale(competencyId,
                    framework.frameworkId(), framework.version(), levels), new ReplaceOptions().upsert(true));
        }
    }

    /** Drops the catalogue before it is read again from the start of the stream. */
    public void drop() {
        competencies.drop();
    }

    public Optional<Scale> find(CompetencyId competencyId) {
        return Optional.ofNullable(competencies.find(Filters.eq("_id", competencyId)).first());
    }
}
