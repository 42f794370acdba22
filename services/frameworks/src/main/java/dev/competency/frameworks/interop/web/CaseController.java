package dev.competency.frameworks.interop.web;

import dev.competency.frameworks.access.FrameworkAccessPolicy;
import dev.competency.frameworks.framework.domain.FrameworkStatus;
import dev.competency.frameworks.framework.query.FrameworkCatalogue;
import dev.competency.frameworks.framework.query.FrameworkCatalogue.VersionView;
import dev.competency.frameworks.interop.casefile.CasePackageExport;
import dev.competency.platform.service.security.Caller;
import dev.competency.platform.service.web.ResourceNotFound;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read-only CASE 1.0 service endpoints over the latest published version of every framework. Documents are found
 * by their CFDocument identifier, items by their CFItem identifier, as the package export writes them.
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
        for (JsonNode pkg : packages()) {
            documents.add(pkg.path("CFDocument"));
        }
        return body;
    }

    @GetMapping("/CFDocuments/{identifier}")
    JsonNode document(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return pkg(identifier).path("CFDocument");
    }

    @GetMapping("/CFPackages/{identifier}")
    JsonNode cfPackage(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return pkg(identifier);
    }

    @GetMapping("/CFItems/{identifier}")
    JsonNode item(@PathVariable String identifier, Caller caller) {
        access.requireReader(caller);
        return find("CFItems", identifier, "No CFItem " + identifier);
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

    private JsonNode pkg(String identifier) {
        for (JsonNode pkg : packages()) {
            if (identifier.equals(pkg.path("CFDocument").path("identifier").asString())) {
                return pkg;
            }
        }
        throw new ResourceNotFound("No CFDocument " + identifier);
    }

    private List<JsonNode> packages() {
        List<JsonNode> packages = new ArrayList<>();
        for (VersionView view : catalogue.latestPublishedVersions()) {
            packages.add(CasePackageExport.export(new CasePackageExport.Source(view.frameworkId(), view.version(),
                    view.status() == FrameworkStatus.RETIRED, view.publishedAt(), view.content()), baseUri));
        }
        return packages;
    }
}
