package dev.competency.frameworks.interop.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.interop.CaseImporter.ImportReport;
import dev.competency.frameworks.interop.CaseImporter;
import dev.competency.frameworks.interop.esco.EscoCsv;
import dev.competency.frameworks.web.TextParameters;
import dev.competency.platform.service.security.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Authors import an ESCO skills CSV export. It is turned into a CASE package and imported like one: same upsert by
 * identifier, dry run, report and publication.
 */
@RestController
class EscoImportController {

    private final CaseImporter importer;
    private final FrameworkAccessPolicy access;

    EscoImportController(CaseImporter importer, FrameworkAccessPolicy access) {
        this.importer = importer;
        this.access = access;
    }

    @PostMapping(path = "/api/frameworks/esco/import", consumes = {"text/csv", "text/plain"})
    ImportReport importCsv(@RequestBody String csv, @RequestParam String identifier,
                           @RequestParam(defaultValue = "ESCO skills") String title,
                           @RequestParam(defaultValue = "false") boolean dryRun,
                           @RequestParam(defaultValue = "false") boolean publish,
                           @RequestParam(defaultValue = "false") boolean lenient,
                           @RequestParam(required = false) String code, Caller caller) {
        access.requireAuthor(caller);
        TextParameters.checked("identifier", identifier, TextParameters.EXTERNAL_ID);
        TextParameters.checked("title", title, TextParameters.TITLE);
        TextParameters.checked("code", code, TextParameters.CODE);
        return importer.importPackage(EscoCsv.toCasePackage(csv, identifier, title), dryRun, publish, lenient, code,
                caller.subject());
    }
}
