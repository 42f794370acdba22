package dev.competency.frameworks.interop;

import dev.competency.frameworks.framework.domain.Competency;
import dev.competency.frameworks.framework.domain.CreateFramework;
import dev.competency.frameworks.framework.domain.EditFramework;
import dev.competency.frameworks.framework.domain.FrameworkContent;
import dev.competency.frameworks.framework.domain.FrameworkDiff;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.domain.PublishFramework;
import dev.competency.frameworks.framework.domain.Relation;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.FrameworkSummary;
import dev.competency.frameworks.framework.query.FrameworkId;
import dev.competency.frameworks.interop.casefile.BrokenCasePackage;
import dev.competency.frameworks.interop.casefile.CasePackageImport;
import dev.competency.frameworks.interop.casefile.CasePackageImport.ItemError;
import dev.competency.frameworks.interop.casefile.CasePackageImport.Mapped;
import dev.competency.platform.service.axon.ReadYourWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Imports a CASE package into a framework: a first import creates the framework, a later one of the same CFDocument
 * edits its draft (upsert by CASE identifier), and {@code publish} publishes the result. A dry run reports what
 * would be created, changed and removed, and sends no command. A package with errors is refused unless the import is
 * lenient; warnings never refuse. It compares with the catalogue once the catalogue shows everything stored, and reads
 * each command's effect back from it ({@link ReadYourWrites}).
 */
@Component
public class CaseImporter {

    private static final Logger log = LoggerFactory.getLogger(CaseImporter.class);

    private final CommandGateway commands;
    private final FrameworkCatalogue catalogue;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    CaseImporter(CommandGateway commands, FrameworkCatalogue catalogue, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /** A competency of the report: its CASE identifier, code and title. */
    public record ItemRef(String identifier, String code, String title) {
    }

    public record ItemChange(String identifier, String code, List<String> fields) {
    }

    /**
     * What an import did (or, in a dry run, would do).
     *
     * @param frameworkCreated whether the import creates the framework
     * @param version          the version the import wrote (a draft, or published when {@code published}); null in a
     *                         dry run or when nothing changed and nothing was published
     * @param unchanged        competencies that stay as they are
     */
    public record ImportReport(String frameworkId, String documentIdentifier, String title, boolean dryRun,
                               boolean frameworkCreated, Integer version, boolean published,
                               List<ItemRef> created, List<ItemChange> changed, List<ItemRef> removed,
                               int unchanged, List<Relation> relationsAdded, List<Relation> relationsRemoved,
                               boolean scaleChanged, List<String> warnings, List<ItemError> errors, long millis) {
    }

    /**
     * @param lenient import what can be imported even when the package has errors, and report the rest; otherwise
     *                a package with errors is refused whole ({@link BrokenCasePackage}), dry run or not
     */
    public ImportReport importPackage(JsonNode pkg, boolean dryRun, boolean publish, boolean lenient, String code,
                                      String author) {
        Instant started = clock.instant();
        String documentId = CasePackageImport.documentIdentifier(pkg);
        readYourWrites.awaitCurrent();
        Optional<FrameworkSummary> existing = catalogue.findByCaseIdentifier(documentId);
        String frameworkId = existing.map(FrameworkSummary::frameworkId).orElseGet(() -> UUID.randomUUID().toString());
        FrameworkContent before = existing
                .flatMap(f -> catalogue.version(new FrameworkId(f.frameworkId()), f.latestVersion()))
                .map(FrameworkCatalogue.VersionView::content).orElse(null);
        Mapped mapped = CasePackageImport.map(pkg, frameworkId, before);
        if (!lenient && !mapped.errors().isEmpty()) {
            throw new BrokenCasePackage(documentId, mapped.errors(), mapped.warnings());
        }
        FrameworkContent baseline = before != null ? before : FrameworkContent.empty(mapped.content().title(), null);
        FrameworkDiff diff = FrameworkDiff.between(0, baseline, 0, mapped.content());

        Integer version = null;
        boolean published = false;
        if (!dryRun) {
            if (existing.isEmpty()) {
                CreateFramework create = new CreateFramework(frameworkId, code != null ? code
                        : freeCode(mapped.suggestedCode()), mapped.content().title(), mapped.content().description(),
                        author);
                readYourWrites.afterWrite(() -> commands.sendAndWait(create));
            }
            readYourWrites.afterWrite(() -> commands.sendAndWait(new EditFramework(frameworkId, mapped.content(),
                    author)));
            FrameworkSummary after = catalogue.find(new FrameworkId(frameworkId)).orElseThrow();
            if (publish && after.status() == FrameworkStatus.DRAFT) {
                readYourWrites.afterWrite(() -> commands.sendAndWait(new PublishFramework(frameworkId, author)));
                published = true;
                after = catalogue.find(new FrameworkId(frameworkId)).orElseThrow();
            }
            version = after.latestVersion();
        }
        Map<String, Competency> byId = new HashMap<>();
        baseline.competencies().forEach(c -> byId.put(c.id(), c));
        mapped.content().competencies().forEach(c -> byId.put(c.id(), c));
        long millis = Duration.between(started, clock.instant()).toMillis();
        log.info("Imported CASE document {} into framework {} ({} items, dry run {}) in {} ms", documentId,
                frameworkId, mapped.content().competencies().size(), dryRun, millis);
        return new ImportReport(frameworkId, documentId, mapped.content().title(), dryRun, existing.isEmpty(),
                version, published,
                diff.added().stream().map(r -> ref(byId.get(r.id()))).toList(),
                diff.changed().stream().map(c -> new ItemChange(identifier(byId.get(c.id())), c.code(), c.fields()))
                        .toList(),
                diff.removed().stream().map(r -> ref(byId.get(r.id()))).toList(),
                mapped.content().competencies().size() - diff.added().size() - diff.changed().size(),
                diff.relationsAdded(), diff.relationsRemoved(), diff.scaleChanged(), mapped.warnings(),
                mapped.errors(), millis);
    }

    /**
     * The code derived from the document title, or the first free variant of it ({@code CO-2}, {@code CO-3}, ...):
     * codes are unique, and the author did not choose this one. A code the author gives is taken as it is, and a
     * taken one is refused.
     */
    private String freeCode(String suggested) {
        String code = suggested;
        for (int n = 2; catalogue.inUse(code); n++) {
            code = suggested + "-" + n;
        }
        return code;
    }

    private static ItemRef ref(Competency competency) {
        return new ItemRef(identifier(competency), competency.code(), competency.title());
    }

    private static String identifier(Competency competency) {
        return competency.externalId() != null ? competency.externalId() : competency.id();
    }
}
