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
import dev.competency.frameworks.framework.domain.Scale;
import dev.competency.frameworks.interop.casefile.CasePackageExport;
import dev.competency.frameworks.readmodel.ReadModels;
import dev.competency.platform.service.mongo.RecordCollections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;
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
    private MongoCollection<StoredFramework> frameworks;
    private MongoCollection<StoredVersion> versions;
    private MongoCollection<StoredCompetency> competencies;

    public FrameworkCatalogue(MongoDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
        collections();
    }

    /*
     * The stored documents, one record per collection. Public only because the driver's record codec calls them
     * without widening access; the constants name the fields that filters, updates and indexes use.
     */

    /** A framework as stored in {@code frameworks}, with its latest and latest published version numbers. */
    public record StoredFramework(@BsonId FrameworkId id, @BsonProperty(CODE) String code,
                                  @BsonProperty(TITLE) String title, @BsonProperty(DESCRIPTION) String description,
                                  @BsonProperty(EXTERNAL_ID) String externalId,
                                  @BsonProperty(CASE_IDENTIFIER) String caseIdentifier,
                                  @BsonProperty(STATUS) FrameworkStatus status,
                                  @BsonProperty(LATEST_VERSION) int latestVersion,
                                  @BsonProperty(PUBLISHED_VERSION) int publishedVersion, Instant createdAt) {
        static final String CODE = "code";
        static final String TITLE = "title";
        static final String DESCRIPTION = "description";
        static final String EXTERNAL_ID = "externalId";
        static final String CASE_IDENTIFIER = "caseIdentifier";
        static final String STATUS = "status";
        static final String LATEST_VERSION = "latestVersion";
        static final String PUBLISHED_VERSION = "publishedVersion";
    }

    /** One version in {@code framework_versions}, keyed by {@link #key}; the content is kept as its JSON. */
    public record StoredVersion(@BsonId String key, @BsonProperty(FRAMEWORK_ID) FrameworkId frameworkId, String code,
                                @BsonProperty(VERSION) int version, @BsonProperty(STATUS) FrameworkStatus status,
                                Integer policyVersion, Instant publishedAt, String publishedBy,
                                @BsonProperty(CHANGED_AT) Instant changedAt, String content) {
        static final String FRAMEWORK_ID = "frameworkId";
        static final String VERSION = "version";
        static final String STATUS = "status";
        static final String CHANGED_AT = "changedAt";
    }

    /** One competency of one version in {@code framework_competencies}; {@code current} marks the published one. */
    public record StoredCompetency(@BsonId String key, @BsonProperty(FRAMEWORK_ID) FrameworkId frameworkId,
                                   @BsonProperty(VERSION) int version, @BsonProperty(STATUS) FrameworkStatus status,
                                   @BsonProperty(CURRENT) boolean current, @BsonProperty(ID) String id,
                                   @BsonProperty(CODE) String code, @BsonProperty(TITLE) String title,
                                   @BsonProperty(DESCRIPTION) String description, String parentCode,
                                   @BsonProperty(EXTERNAL_ID) String externalId) {
        static final String FRAMEWORK_ID = "frameworkId";
        static final String VERSION = "version";
        static final String STATUS = "status";
        static final String CURRENT = "current";
        static final String ID = "id";
        static final String CODE = "code";
        static final String TITLE = "title";
        static final String DESCRIPTION = "description";
        static final String EXTERNAL_ID = "externalId";

        CompetencyHit hit() {
            return new CompetencyHit(frameworkId.value(), version, status, id, code, title, description, parentCode,
                    externalId);
        }
    }

    private void collections() {
        frameworks = RecordCollections.collection(database, "frameworks", StoredFramework.class);
        versions = RecordCollections.collection(database, "framework_versions", StoredVersion.class);
        competencies = RecordCollections.collection(database, "framework_competencies", StoredCompetency.class);
        frameworks.createIndex(Indexes.ascending(StoredFramework.EXTERNAL_ID),
                new IndexOptions().name("by_external_id"));
        frameworks.createIndex(Indexes.ascending(StoredFramework.CODE), new IndexOptions().name("by_code"));
        frameworks.createIndex(Indexes.ascending(StoredFramework.CASE_IDENTIFIER),
                new IndexOptions().name("by_case_identifier"));
        versions.createIndex(Indexes.ascending(StoredVersion.FRAMEWORK_ID, StoredVersion.VERSION),
                new IndexOptions().name("by_framework"));
        competencies.createIndex(Indexes.ascending(StoredCompetency.FRAMEWORK_ID, StoredCompetency.VERSION),
                new IndexOptions().name("by_version"));
        competencies.createIndex(Indexes.ascending(StoredCompetency.CODE), new IndexOptions().name("by_code"));
        competencies.createIndex(Indexes.ascending(StoredCompetency.EXTERNAL_ID),
                new IndexOptions().name("by_external_id"));
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

        /** This version as a CASE 1.0 package whose URIs start at {@code baseUri}. */
        public JsonNode caseExport(String baseUri) {
            return CasePackageExport.export(new CasePackageExport.Source(frameworkId, version,
                    status == FrameworkStatus.RETIRED, publishedAt, content), baseUri);
        }
    }

    /** A competency found by a search. */
    public record CompetencyHit(String frameworkId, int version, FrameworkStatus status, String id, String code,
                                String title, String description, String parentCode, String externalId) {
    }

    @EventHandler
    void on(FrameworkCreated event) {
        FrameworkId frameworkId = new FrameworkId(event.frameworkId());
        frameworks.replaceOne(Filters.eq("_id", frameworkId), new StoredFramework(frameworkId, event.code(),
                event.title(), event.description(), null, null, FrameworkStatus.DRAFT, event.draftVersion(), 0,
                event.createdAt()), new ReplaceOptions().upsert(true));
        FrameworkContent empty = FrameworkContent.empty(event.title(), event.description());
        storeVersion(frameworkId, event.code(), event.draftVersion(), FrameworkStatus.DRAFT, empty, null, null, null,
                event.createdAt());
    }

    @EventHandler
    void on(FrameworkDraftEdited event) {
        FrameworkId frameworkId = new FrameworkId(event.frameworkId());
        String code = stored(frameworkId).map(StoredFramework::code).orElse(null);
        storeVersion(frameworkId, code, event.version(), FrameworkStatus.DRAFT, event.content(), null, null, null,
                event.editedAt());
        frameworks.updateOne(Filters.eq("_id", frameworkId), Updates.combine(
                described(frameworkId, event.content()),
                Updates.set(StoredFramework.STATUS, FrameworkStatus.DRAFT),
                Updates.set(StoredFramework.LATEST_VERSION, event.version())));
    }

    @EventHandler
    void on(FrameworkVersionPublished event) {
        FrameworkId frameworkId = new FrameworkId(event.frameworkId());
        competencies.updateMany(Filters.and(Filters.eq(StoredCompetency.FRAMEWORK_ID, frameworkId),
                Filters.ne(StoredCompetency.VERSION, event.version())), Updates.set(StoredCompetency.CURRENT, false));
        storeVersion(frameworkId, event.code(), event.version(), FrameworkStatus.PUBLISHED, event.content(),
                event.policyVersion(), event.publishedAt(), event.publishedBy(), event.publishedAt());
        frameworks.updateOne(Filters.eq("_id", frameworkId), Updates.combine(
                described(frameworkId, event.content()),
                Updates.set(StoredFramework.STATUS, FrameworkStatus.PUBLISHED),
                Updates.set(StoredFramework.LATEST_VERSION, event.version()),
                Updates.set(StoredFramework.PUBLISHED_VERSION, event.version())));
    }

    @EventHandler
    void on(FrameworkVersionRetired event) {
        FrameworkId frameworkId = new FrameworkId(event.frameworkId());
        versions.updateOne(Filters.eq("_id", key(frameworkId, event.version())), Updates.combine(
                Updates.set(StoredVersion.STATUS, FrameworkStatus.RETIRED),
                Updates.set(StoredVersion.CHANGED_AT, event.retiredAt())));
        competencies.updateMany(Filters.and(Filters.eq(StoredCompetency.FRAMEWORK_ID, frameworkId),
                Filters.eq(StoredCompetency.VERSION, event.version())),
                Updates.set(StoredCompetency.STATUS, FrameworkStatus.RETIRED));
        frameworks.updateOne(Filters.eq("_id", frameworkId),
                Updates.set(StoredFramework.STATUS, FrameworkStatus.RETIRED));
    }

    private static Bson described(FrameworkId frameworkId, FrameworkContent content) {
        return Updates.combine(
                Updates.set(StoredFramework.TITLE, content.title()),
                Updates.set(StoredFramework.DESCRIPTION, content.description()),
                Updates.set(StoredFramework.EXTERNAL_ID, content.externalId()),
                Updates.set(StoredFramework.CASE_IDENTIFIER,
                        CasePackageExport.documentIdentifier(frameworkId.value(), content)));
    }

    private void storeVersion(FrameworkId frameworkId, String code, int version, FrameworkStatus status,
                              FrameworkContent content, Integer policyVersion, Instant publishedAt,
                              String publishedBy, Instant changedAt) {
        String key = key(frameworkId, version);
        versions.replaceOne(Filters.eq("_id", key), new StoredVersion(key, frameworkId, code, version, status,
                policyVersion, publishedAt, publishedBy, changedAt, json.writeValueAsString(content)),
                new ReplaceOptions().upsert(true));
        competencies.deleteMany(Filters.and(Filters.eq(StoredCompetency.FRAMEWORK_ID, frameworkId),
                Filters.eq(StoredCompetency.VERSION, version)));
        List<StoredCompetency> stored = content.competencies().stream().map(c -> new StoredCompetency(
                key + ":" + c.id(), frameworkId, version, status, status == FrameworkStatus.PUBLISHED, c.id(),
                c.code(), c.title(), c.description(), c.parentCode(), c.externalId())).toList();
        if (!stored.isEmpty()) {
            competencies.insertMany(stored);
        }
    }

    private Optional<StoredFramework> stored(FrameworkId frameworkId) {
        return Optional.ofNullable(frameworks.find(Filters.eq("_id", frameworkId)).first());
    }

    private static String key(FrameworkId frameworkId, int version) {
        return frameworkId.value() + ":" + version;
    }

    @Override
    public boolean inUse(String code) {
        return frameworks.find(Filters.eq(StoredFramework.CODE, code)).first() != null;
    }

    public Optional<FrameworkSummary> find(FrameworkId frameworkId) {
        return stored(frameworkId).map(this::summary);
    }

    /**
     * The framework a CASE document identifier names: the identifier it was imported from, its own id, or the UUID
     * its CASE export is published under (derived for frameworks imported with a non-UUID identifier).
     */
    public Optional<FrameworkSummary> findByCaseIdentifier(String identifier) {
        return first(Filters.eq(StoredFramework.EXTERNAL_ID, identifier))
                .or(() -> identifier.isBlank() ? Optional.empty() : find(new FrameworkId(identifier)))
                .or(() -> first(Filters.eq(StoredFramework.CASE_IDENTIFIER, identifier)));
    }

    private Optional<FrameworkSummary> first(Bson filter) {
        return Optional.ofNullable(frameworks.find(filter).first()).map(this::summary);
    }

    /** Frameworks whose code or title contains {@code text} (case-insensitive), optionally with this exact code. */
    public List<FrameworkSummary> list(String text, String code) {
        List<Bson> filters = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Pattern pattern = contains(text);
            filters.add(Filters.or(Filters.regex(StoredFramework.TITLE, pattern),
                    Filters.regex(StoredFramework.CODE, pattern), Filters.regex(StoredFramework.DESCRIPTION, pattern)));
        }
        if (code != null && !code.isBlank()) {
            filters.add(Filters.eq(StoredFramework.CODE, code));
        }
        return frameworks.find(filters.isEmpty() ? Filters.empty() : Filters.and(filters))
                .sort(Sorts.ascending(StoredFramework.CODE)).map(this::summary).into(new ArrayList<>());
    }

    public Optional<VersionView> version(FrameworkId frameworkId, int version) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", key(frameworkId, version))).first())
                .map(this::versionView);
    }

    /** The latest published (or retired) version of every framework that has one. */
    public List<VersionView> latestPublishedVersions() {
        List<VersionView> found = new ArrayList<>();
        frameworks.find(Filters.gt(StoredFramework.PUBLISHED_VERSION, 0)).sort(Sorts.ascending(StoredFramework.CODE))
                .forEach(framework -> version(framework.id(), framework.publishedVersion()).ifPresent(found::add));
        return found;
    }

    /**
     * Competencies by text (in code, title or description), exact code, framework and version. Without a version,
     * the current published version of each framework is searched.
     */
    public List<CompetencyHit> competencies(String text, String code, FrameworkId frameworkId, Integer version) {
        List<Bson> filters = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Pattern pattern = contains(text);
            filters.add(Filters.or(Filters.regex(StoredCompetency.TITLE, pattern),
                    Filters.regex(StoredCompetency.CODE, pattern),
                    Filters.regex(StoredCompetency.DESCRIPTION, pattern)));
        }
        if (code != null && !code.isBlank()) {
            filters.add(Filters.eq(StoredCompetency.CODE, code));
        }
        if (frameworkId != null) {
            filters.add(Filters.eq(StoredCompetency.FRAMEWORK_ID, frameworkId));
        }
        filters.add(version != null ? Filters.eq(StoredCompetency.VERSION, version)
                : Filters.eq(StoredCompetency.CURRENT, true));
        return competencies.find(Filters.and(filters)).sort(Sorts.ascending(StoredCompetency.FRAMEWORK_ID,
                StoredCompetency.VERSION, StoredCompetency.CODE)).limit(SEARCH_LIMIT).map(StoredCompetency::hit)
                .into(new ArrayList<>());
    }

    /** A competency of a current published version by its id or external id. */
    public Optional<CompetencyHit> currentCompetency(String idOrExternalId) {
        return Optional.ofNullable(competencies.find(Filters.and(Filters.eq(StoredCompetency.CURRENT, true),
                Filters.or(Filters.eq(StoredCompetency.ID, idOrExternalId),
                        Filters.eq(StoredCompetency.EXTERNAL_ID, idOrExternalId)))).first())
                .map(StoredCompetency::hit);
    }

    @Override
    public Optional<PublishedVersion> find(String frameworkId, Integer version) {
        Optional<FrameworkSummary> framework = find(new FrameworkId(frameworkId));
        if (framework.isEmpty() || framework.get().publishedVersion() == 0) {
            return Optional.empty();
        }
        int wanted = version == null ? framework.get().publishedVersion() : version;
        return version(new FrameworkId(frameworkId), wanted).filter(v -> v.status() != FrameworkStatus.DRAFT).map(v -> {
            Map<String, Set<String>> levels = new LinkedHashMap<>();
            for (Competency competency : v.content().competencies()) {
                Scale scale = competency.scaleOverride() != null ? competency.scaleOverride() : v.content().scale();
                levels.put(competency.id(), scale.levels().stream().map(Level::code)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
            }
            return new PublishedVersion(frameworkId, v.version(), v.status() == FrameworkStatus.RETIRED, levels);
        });
    }

    private FrameworkSummary summary(StoredFramework framework) {
        List<VersionState> states = versions.find(Filters.eq(StoredVersion.FRAMEWORK_ID, framework.id()))
                .sort(Sorts.ascending(StoredVersion.VERSION)).map(v -> new VersionState(v.version(), v.status()))
                .into(new ArrayList<>());
        return new FrameworkSummary(framework.id().value(), framework.code(), framework.title(),
                framework.description(), framework.externalId(), framework.status(), framework.latestVersion(),
                framework.publishedVersion(), states);
    }

    private VersionView versionView(StoredVersion v) {
        return new VersionView(v.frameworkId().value(), v.code(), v.version(), v.status(), v.policyVersion(),
                v.publishedAt(), v.publishedBy(), v.changedAt(), json.readValue(v.content(), FrameworkContent.class));
    }

    private static Pattern contains(String text) {
        return Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE);
    }
}
