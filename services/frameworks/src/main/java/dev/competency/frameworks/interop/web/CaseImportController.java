package dev.competency.frameworks.interop.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.framework.query.FrameworkId;
import dev.competency.frameworks.interop.CaseImporter;
import dev.competency.frameworks.interop.CaseImporter.ImportReport;
import dev.competency.frameworks.web.TextParameters;
import dev.competency.platform.service.error.Refusal;
import dev.competency.platform.service.openapi.ProblemResponse;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Authors import CASE 1.0 packages (with a dry run); every signed-in caller exports published versions. */
@RestController
class CaseImportController {

    private final CaseImporter importer;
    private final FrameworkCatalogue catalogue;
    private final FrameworkAccessPolicy access;
    private final String baseUri;

    CaseImportController(CaseImporter importer, FrameworkCatalogue catalogue, FrameworkAccessPolicy access,
                         @Value("${frameworks.case.base-uri}") String baseUri) {
        this.importer = importer;
        this.catalogue = catalogue;
        this.access = access;
        this.baseUri = baseUri;
    }

    @ProblemResponse(status = 422, description = "The package has errors and `lenient` is off "
            + "(`/problems/case-package-has-errors`): `errors` lists each `{identifier, reason}`, `warnings` each "
            + "warning")
    @PostMapping("/api/frameworks/case/import")
    ImportReport importPackage(@RequestBody JsonNode pkg, @RequestParam(defaultValue = "false") boolean dryRun,
                               @RequestParam(defaultValue = "false") boolean publish,
                               @RequestParam(defaultValue = "false") boolean lenient,
                               @RequestParam(required = false) String code, Caller caller) {
        access.requireAuthor(caller);
        TextParameters.checked("code", code, TextParameters.CODE);
        return importer.importPackage(pkg, dryRun, publish, lenient, code, caller.subject());
    }

    @ProblemResponse(status = 409, description = "The version is a draft; only published versions are exported")
    @GetMapping("/api/frameworks/{frameworkId}/versions/{version}/case")
    JsonNode export(@PathVariable FrameworkId frameworkId, @PathVariable int version, Caller caller) {
        access.requireReader(caller);
        VersionView view = catalogue.version(frameworkId, version).orElseThrow(() -> new ResourceNotFound(
                "No version " + version + " of framework " + frameworkId));
        if (view.status() == FrameworkStatus.DRAFT) {
            throw Refusal.conflict("version " + version + " of framework " + frameworkId
                    + " is a draft; only published versions are exported");
        }
        return view.caseExport(baseUri);
    }
}
