package dev.competency.frameworks.interop.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.FrameworkSummary;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.interop.casefile.CasePackageExport;
import dev.competency.frameworks.web.TextParameters;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only CASE 1.0 service endpoints over the latest published version of every framework. Documents are found
 * by their CFDocument identifier, items by their CFItem identifier, as the package export writes them, and also by
 * the foreign identifier they were imported from. A foreign identifier that is a web address cannot travel in a path
 * segment, so it is given percent-encoded as {@code ?identifier=} on the collection path.
 */
@RestController
@RequestMapping("/ims/case/v1p0")
class CaseController {

    private final FrameworkCatalogue catalogue;
    private final FrameworkAccessPolicy access;
    private final String baseUri;

    CaseController(FrameworkCatalogue catalogue, FrameworkAccessPolicy access,
                   @Value("${frameworks.case.base-uri}") String baseUri) {
        this.catalogue = catalogue;
        this.access = access;
        this.baseUri = baseUri;
    }

    @GetMapping("/CFDocuments")
    JsonNode documents(Caller caller) {
        access.requireReader(caller);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var documents = body.putArray("CFDocuments");
        packages().forEach(pkg -> documents.add(pkg.path("CFDocument")));
        return body;
    }

    @GetMapping("/CFDocuments/{identifier}")
    JsonNode document(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return pkg(identifier).path("CFDocument");
    }

    /** A document by a foreign identifier (often a web address, which cannot travel in the path), percent-encoded. */
    @GetMapping(path = "/CFDocuments", params = "identifier")
    JsonNode documentByIdentifier(@RequestParam String identifier, Caller caller) {
        return document(checked(identifier), caller);
    }

    @GetMapping("/CFPackages/{identifier}")
    JsonNode cfPackage(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return pkg(identifier);
    }

    /** A package by a foreign identifier, percent-encoded in the query. */
    @GetMapping(path = "/CFPackages", params = "identifier")
    JsonNode cfPackageByIdentifier(@RequestParam String identifier, Caller caller) {
        return cfPackage(checked(identifier), caller);
    }

    @GetMapping("/CFItems/{identifier}")
    JsonNode item(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        String exported = catalogue.currentCompetency(identifier)
                .filter(hit -> identifier.equals(hit.externalId()) && !CasePackageExport.isUuid(identifier))
                .map(FrameworkCatalogue.CompetencyHit::id).orElse(identifier);
        return find("CFItems", exported, "No CFItem " + identifier);
    }

    /** An item by a foreign identifier, percent-encoded in the query. */
    @GetMapping(path = "/CFItems", params = "identifier")
    JsonNode itemByIdentifier(@RequestParam String identifier, Caller caller) {
        return item(checked(identifier), caller);
    }

    @GetMapping("/CFAssociations/{identifier}")
    JsonNode association(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return find("CFAssociations", identifier, "No CFAssociation " + identifier);
    }

    private JsonNode find(String kind, String identifier, String missing) {
        for (JsonNode pkg : packages()) {
            for (JsonNode node : pkg.path(kind)) {
                if (identifier.equals(node.path("identifier").asString())) {
                    return node;
                }
            }
        }
        throw new ResourceNotFound(missing);
    }

    /**
     * The package of the document exported under {@code identifier}, or of the framework imported from the foreign
     * identifier {@code identifier}, or of the framework with that id.
     */
    private JsonNode pkg(String identifier) {
        String frameworkId = catalogue.findByCaseIdentifier(identifier).map(FrameworkSummary::frameworkId)
                .orElse(null);
        for (VersionView view : catalogue.latestPublishedVersions()) {
            JsonNode pkg = view.caseExport(baseUri);
            if (view.frameworkId().equals(frameworkId)
                    || identifier.equals(pkg.path("CFDocument").path("identifier").asString())) {
                return pkg;
            }
        }
        throw new ResourceNotFound("No CFDocument " + identifier);
    }

    private static String checked(String identifier) {
        return TextParameters.checked("identifier", identifier, TextParameters.EXTERNAL_ID);
    }

    private List<JsonNode> packages() {
        return catalogue.latestPublishedVersions().stream().map(view -> view.caseExport(baseUri)).toList();
    }
}
