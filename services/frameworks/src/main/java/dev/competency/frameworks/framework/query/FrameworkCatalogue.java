package dev.competency.frameworks.framework.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.FrameworkCodes;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkCreated;
import dev.competency.frameworks.framework.domain.FrameworkDraftEdited;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.domain.FrameworkVersionPublished;
import dev.competency.frameworks.framework.domain.FrameworkVersionRetired;
import dev.competency.frameworks.framework.domain.Level;
import dev.competency.frameworks.framework.domain.PublishedFrameworks;
import dev.competency.frameworks.interop.casefile.CasePackageExport;
import dev.competency.frameworks.readmodel.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frameworks, their versions and their competencies as authors and readers look them up. Built by the read models'
 * tracking processor ({@link ReadModels}); every write is keyed by framework id and version, so applying an event
 * twice changes nothing.
 */
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class FrameworkCatalogue implements PublishedFrameworks, FrameworkCodes {

    private static final int SEARCH_LIMIT = 200;

    private final MongoDatabase database;
    private final JsonMapper json;
    private MongoCollection<Document> frameworks;
    private MongoCollection<Document> versions;
    private MongoCollection<Document> competencies;

    public FrameworkCatalogue(MongoDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
        collections();
    }

    private void collections() {
        frameworks = database.getCollection("frameworks");
        versions = database.getCollection("framework_versions");
        competencies = database.getCollection("framework_competencies");
        frameworks.createIndex(Indexes.ascending("externalId"), new IndexOptions().name("by_external_id"));
        frameworks.createIndex(Indexes.ascending("code"), new IndexOptions().name("by_code"));
        frameworks.createIndex(Indexes.ascending("caseIdentifier"), new IndexOptions().name("by_case_identifier"));
        versions.createIndex(Indexes.ascending("frameworkId", "version"), new IndexOptions().name("by_framework"));
        competencies.createIndex(Indexes.ascending("frameworkId", "version"), new IndexOptions().name("by_version"));
        competencies.createIndex(Indexes.ascending("code"), new IndexOptions().name("by_code"));
        competencies.createIndex(Indexes.ascending("externalId"), new IndexOptions().name("by_external_id"));
    }

    /** Drops every framework, version and competency, before a rebuild reads the event store from the start. */
    @ResetHandler
    public void reset() {
        frameworks.drop();
        versions.drop();
        competencies.drop();
        collections();
    }

    /** A framework and the state of each of its versions. */
    public record FrameworkSummary(String frameworkId, String code, String title, String description,
                                   String externalId, FrameworkStatus status, int latestVersion,
                                   int publishedVersion, List<VersionState> versions) {
    }

    public record VersionState(int version, FrameworkStatus status) {
    }

    /** One version with its whole content. */
    public record VersionView(String frameworkId, String code, int version, FrameworkStatus status,
                              Integer policyVersion, Instant publishedAt, String publishedBy, Instant changedAt,
                              FrameworkContent content) {
    }

    /** A competency found by a search. */
    public record CompetencyHit(String frameworkId, int version, FrameworkStatus status, String id, String code,
                                String title, String description, String parentCode, String externalId) {
    }

    @EventHandler
    void on(FrameworkCreated event) {
        frameworks.replaceOne(Filters.eq("_id", event.frameworkId()), new Document("_id", event.frameworkId())
                .append("code", event.code()).append("title", event.title())
                .append("description", event.description()).append("status", FrameworkStatus.DRAFT.name())
                .append("latestVersion", event.draftVersion()).append("publishedVersion", 0)
                .append("createdAt", Date.from(event.createdAt())), new ReplaceOptions().upsert(true));
        FrameworkContent empty = FrameworkContent.empty(event.title(), event.description());
        storeVersion(event.frameworkId(), event.code(), event.draftVersion(), FrameworkStatus.DRAFT, empty, null,
                null, null, event.createdAt());
    }

    @EventHandler
    void on(FrameworkDraftEdited event) {
        String code = frameworkCode(event.frameworkId());
        storeVersion(event.frameworkId(), code, event.version(), FrameworkStatus.DRAFT, event.content(), null, null,
                null, event.editedAt());
        frameworks.updateOne(Filters.eq("_id", event.frameworkId()), Updates.combine(
                Updates.set("title", event.content().title()),
                Updates.set("description", event.content().description()),
                Updates.set("externalId", event.content().externalId()),
                Updates.set("caseIdentifier", CasePackageExport.documentIdentifier(event.frameworkId(),
                        event.content())),
                Updates.set("status", FrameworkStatus.DRAFT.name()),
                Updates.set("latestVersion", event.version())));
    }

    @EventHandler
    void on(FrameworkVersionPublished event) {
        competencies.updateMany(Filters.and(Filters.eq("frameworkId", event.frameworkId()),
                Filters.ne("version", event.version())), Updates.set("current", false));
        storeVersion(event.frameworkId(), event.code(), event.version(), FrameworkStatus.PUBLISHED, event.content(),
                event.policyVersion(), event.publishedAt(), event.publishedBy(), event.publishedAt());
        frameworks.updateOne(Filters.eq("_id", event.frameworkId()), Updates.combine(
                Updates.set("title", event.content().title()),
                Updates.set("description", event.content().description()),
                Updates.set("externalId", event.content().externalId()),
                Updates.set("caseIdentifier", CasePackageExport.documentIdentifier(event.frameworkId(),
                        event.content())),
                Updates.set("status", FrameworkStatus.PUBLISHED.name()),
                Updates.set("latestVersion", event.version()),
                Updates.set("publishedVersion", event.version())));
    }

    @EventHandler
    void on(FrameworkVersionRetired event) {
        versions.updateOne(Filters.eq("_id", key(event.frameworkId(), event.version())), Updates.combine(
                Updates.set("status", FrameworkStatus.RETIRED.name()),
                Updates.set("changedAt", Date.from(event.retiredAt()))));
        competencies.updateMany(Filters.and(Filters.eq("frameworkId", event.frameworkId()),
                Filters.eq("version", event.version())), Updates.set("status", FrameworkStatus.RETIRED.name()));
        frameworks.updateOne(Filters.eq("_id", event.frameworkId()),
                Updates.set("status", FrameworkStatus.RETIRED.name()));
    }

    private void storeVersion(String frameworkId, String code, int version, FrameworkStatus status,
                              FrameworkContent content, Integer policyVersion, Instant publishedAt,
                              String publishedBy, Instant changedAt) {
        versions.replaceOne(Filters.eq("_id", key(frameworkId, version)), new Document("_id", key(frameworkId, version))
                .append("frameworkId", frameworkId).append("code", code).append("version", version)
                .append("status", status.name()).append("policyVersion", policyVersion)
                .append("publishedAt", publishedAt == null ? null : Date.from(publishedAt))
                .append("publishedBy", publishedBy).append("changedAt", Date.from(changedAt))
                .append("content", json.writeValueAsString(content)), new ReplaceOptions().upsert(true));
        competencies.deleteMany(Filters.and(Filters.eq("frameworkId", frameworkId), Filters.eq("version", version)));
        List<Document> documents = new ArrayList<>();
        for (Competency competency : content.competencies()) {
            documents.add(new Document("_id", key(frameworkId, version) + ":" + competency.id())
                    .append("frameworkId", frameworkId).append("version", version).append("status", status.name())
                    .append("current", status == FrameworkStatus.PUBLISHED)
                    .append("id", competency.id()).append("code", competency.code())
                    .append("title", competency.title()).append("description", competency.description())
                    .append("parentCode", competency.parentCode()).append("externalId", competency.externalId()));
        }
        if (!documents.isEmpty()) {
            competencies.insertMany(documents);
        }
    }

    private String frameworkCode(String frameworkId) {
        Document framework = frameworks.find(Filters.eq("_id", frameworkId)).first();
        return framework == null ? null : framework.getString("code");
    }

    private static String key(String frameworkId, int version) {
        return frameworkId + ":" + version;
    }

    @Override
    public boolean inUse(String code) {
        return frameworks.find(Filters.eq("code", code)).first() != null;
    }

    public Optional<FrameworkSummary> find(String frameworkId) {
        return Optional.ofNullable(frameworks.find(Filters.eq("_id", frameworkId)).first()).map(this::summary);
    }

    /** The framework imported from the external document with this identifier. */
    public Optional<FrameworkSummary> findByExternalId(String externalId) {
        return Optional.ofNullable(frameworks.find(Filters.eq("externalId", externalId)).first()).map(this::summary);
    }

    /**
     * The framework a CASE document identifier names: the identifier it was imported from, its own id, or the UUID
     * its CASE export is published under (derived for frameworks imported with a non-UUID identifier).
     */
    public Optional<FrameworkSummary> findByCaseIdentifier(String identifier) {
        return findByExternalId(identifier).or(() -> find(identifier)).or(() -> Optional.ofNullable(
                frameworks.find(Filters.eq("caseIdentifier", identifier)).first()).map(this::summary));
    }

    /** Frameworks whose code or title contains {@code text} (case-insensitive), optionally with this exact code. */
    public List<FrameworkSummary> list(String text, String code) {
        List<Bson> filters = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Pattern pattern = contains(text);
            filters.add(Filters.or(Filters.regex("title", pattern), Filters.regex("code", pattern),
                    Filters.regex("description", pattern)));
        }
        if (code != null && !code.isBlank()) {
            filters.add(Filters.eq("code", code));
        }
        List<FrameworkSummary> found = new ArrayList<>();
        frameworks.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.ascending("code"))
                .forEach(document -> found.add(summary(document)));
        return found;
    }

    public Optional<VersionView> version(String frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", key(frameworkId, version))).first())
                .map(this::versionView);
    }

    /** The latest published (or retired) version of every framework that has one. */
    public List<VersionView> latestPublishedVersions() {
        List<VersionView> found = new ArrayList<>();
        frameworks.find(Filters.gt("publishedVersion", 0)).sort(Sorts.ascending("code")).forEach(framework ->
                version(framework.getString("_id"), framework.getInteger("publishedVersion")).ifPresent(found::add));
        return found;
    }

    /**
     * Competencies by text (in code, title or description), exact code, framework and version. Without a version,
     * the current published version of each framework is searched.
     */
    public List<CompetencyHit> competencies(String text, String code, String frameworkId, Integer version) {
        List<Bson> filters = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Pattern pattern = contains(text);
            filters.add(Filters.or(Filters.regex("title", pattern), Filters.regex("code", pattern),
                    Filters.regex("description", pattern)));
        }
        if (code != null && !code.isBlank()) {
            filters.add(Filters.eq("code", code));
        }
        if (frameworkId != null && !frameworkId.isBlank()) {
            filters.add(Filters.eq("frameworkId", frameworkId));
        }
        filters.add(version != null ? Filters.eq("version", version) : Filters.eq("current", true));
        List<CompetencyHit> hits = new ArrayList<>();
        competencies.find(Filters.and(filters)).sort(Sorts.ascending("frameworkId", "version", "code"))
                .limit(SEARCH_LIMIT).forEach(d -> hits.add(new CompetencyHit(d.getString("frameworkId"),
                        d.getInteger("version"), FrameworkStatus.valueOf(d.getString("status")), d.getString("id"),
                        d.getString("code"), d.getString("title"), d.getString("description"),
                        d.getString("parentCode"), d.getString("externalId"))));
        return hits;
    }

    /** A competency of a current published version by its id or external id. */
    public Optional<CompetencyHit> currentCompetency(String idOrExternalId) {
        Document found = competencies.find(Filters.and(Filters.eq("current", true),
                Filters.or(Filters.eq("id", idOrExternalId), Filters.eq("externalId", idOrExternalId)))).first();
        return Optional.ofNullable(found).map(d -> new CompetencyHit(d.getString("frameworkId"),
                d.getInteger("version"), FrameworkStatus.valueOf(d.getString("status")), d.getString("id"),
                d.getString("code"), d.getString("title"), d.getString("description"), d.getString("parentCode"),
                d.getString("externalId")));
    }

    @Override
    public Optional<PublishedVersion> find(String frameworkId, Integer version) {
        Optional<FrameworkSummary> framework = find(frameworkId);
        if (framework.isEmpty() || framework.get().publishedVersion() == 0) {
            return Optional.empty();
        }
        int wanted = version == null ? framework.get().publishedVersion() : version;
        return version(frameworkId, wanted).filter(v -> v.status() != FrameworkStatus.DRAFT).map(v -> {
            Map<String, Set<String>> levels = new LinkedHashMap<>();
            for (Competency competency : v.content().competencies()) {
                List<Level> scale = (competency.scaleOverride() != null ? competency.scaleOverride()
                        : v.content().scale()).levels();
                Set<String> codes = new LinkedHashSet<>();
                scale.forEach(level -> codes.add(level.code()));
                levels.put(competency.id(), codes);
            }
            return new PublishedVersion(frameworkId, v.version(), v.status() == FrameworkStatus.RETIRED, levels);
        });
    }

    private FrameworkSummary summary(Document document) {
        String frameworkId = document.getString("_id");
        List<VersionState> states = new ArrayList<>();
        versions.find(Filters.eq("frameworkId", frameworkId)).sort(Sorts.ascending("version")).forEach(v ->
                states.add(new VersionState(v.getInteger("version"), FrameworkStatus.valueOf(v.getString("status")))));
        return new FrameworkSummary(frameworkId, document.getString("code"), document.getString("title"),
                document.getString("description"), document.getString("externalId"),
                FrameworkStatus.valueOf(document.getString("status")), document.getInteger("latestVersion"),
                document.getInteger("publishedVersion", 0), states);
    }

    private VersionView versionView(Document d) {
        Date publishedAt = d.getDate("publishedAt");
        return new VersionView(d.getString("frameworkId"), d.getString("code"), d.getInteger("version"),
                FrameworkStatus.valueOf(d.getString("status")), d.getInteger("policyVersion"),
                publishedAt == null ? null : publishedAt.toInstant(), d.getString("publishedBy"),
                d.getDate("changedAt").toInstant(), json.readValue(d.getString("content"), FrameworkContent.class));
    }

    private static Pattern contains(String text) {
        return Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
    }
}
