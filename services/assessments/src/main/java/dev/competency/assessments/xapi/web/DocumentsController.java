package dev.competency.assessments.xapi.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.xapi.domain.StatementFacts;
import dev.competency.assessments.xapi.domain.StatementValidator;
import dev.competency.assessments.xapi.query.DocumentStore;
import dev.competency.assessments.xapi.query.DocumentStore.Key;
import dev.competency.assessments.xapi.query.DocumentStore.Precondition;
import dev.competency.assessments.xapi.query.DocumentStore.Resource;
import dev.competency.assessments.xapi.query.DocumentStore.StoredDocument;
import dev.competency.platform.service.openapi.OpenApiConfiguration;
import dev.competency.platform.service.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The xAPI document resources: State ({@code /xapi/activities/state}: per activity, agent and optional registration),
 * Activity Profile ({@code /xapi/activities/profile}) and Agent Profile ({@code /xapi/agents/profile}).
 *
 * <p>PUT stores a document of any media type; POST merges a JSON object into a stored JSON object (its top-level
 * properties replace the stored ones); GET with an id returns the document with its ETag and Last-Modified, without
 * an id the ids of the scope's documents (optionally changed {@code since} an instant); DELETE removes one document,
 * or every State of the scope. {@code If-Match} and {@code If-None-Match: *} are honoured on every write; a profile
 * PUT that would overwrite an existing document without either header is refused with 409, as the specification
 * requires (State PUTs may overwrite, which cmi5 and SCORM-to-xAPI content rely on).
 */
@SecurityRequirement(name = XapiSecurityConfiguration.BASIC)
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@RestController
class DocumentsController {

    private static final Map<Resource, Set<String>> PARAMETERS = Map.of(
            Resource.STATE, Set.of("activityId", "agent", "registration", "stateId", "since"),
            Resource.ACTIVITY_PROFILE, Set.of("activityId", "profileId", "since"),
            Resource.AGENT_PROFILE, Set.of("agent", "profileId", "since"));

    private final DocumentStore documents;
    private final AssessmentAccessPolicy access;
    private final JsonMapper json;
    private final String lrsHomePage;
    private final long maxDocumentBytes;

    DocumentsController(DocumentStore documents, AssessmentAccessPolicy access, JsonMapper json,
                        @Value("${assessments.xapi.lrs-home-page}") String lrsHomePage,
                        @Value("${assessments.xapi.max-document-size:10MB}") DataSize maxDocumentSize) {
        this.documents = documents;
        this.access = access;
        this.json = json;
        this.lrsHomePage = lrsHomePage;
        this.maxDocumentBytes = maxDocumentSize.toBytes();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping({"/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile"})
    ResponseEntity<Void> put(@RequestParam Map<String, String> parameters,
                             @RequestBody(required = false) byte[] body,
                             @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                             @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                             Authentication authentication, HttpServletRequest request) {
        XapiCaller.of(authentication, lrsHomePage, access);
        Key key = key(resource(request), parameters, true);
        byte[] content = content(body);
        String type = mediaType(contentType);
        if (XapiHeaders.isJson(type)) {
            parseJson(content, false);
        }
        StoredDocument stored = documents.put(key, content, type, precondition(key, ifMatch, ifNoneMatch));
        return ResponseEntity.noContent().eTag(stored.etag()).build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping({"/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile"})
    ResponseEntity<Void> post(@RequestParam Map<String, String> parameters,
                              @RequestBody(required = false) byte[] body,
                              @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                              Authentication authentication, HttpServletRequest request) {
        XapiCaller.of(authentication, lrsHomePage, access);
        Key key = key(resource(request), parameters, true);
        byte[] content = content(body);
        if (!XapiHeaders.isJson(mediaType(contentType))) {
            throw InvalidXapiRequest.of("Content-Type", "must be application/json: POST merges JSON objects");
        }
        ObjectNode posted = parseJson(content, true);
        StoredDocument stored = documents.update(key, MediaType.APPLICATION_JSON_VALUE, current -> {
            if (current == null) {
                return json.writeValueAsBytes(posted);
            }
            if (!XapiHeaders.isJson(current.contentType())) {
                throw InvalidXapiRequest.of("document", "the stored document is not JSON, so nothing can be merged"
                        + " into it; replace it with PUT");
            }
            ObjectNode merged = parseStoredObject(current.content());
            merged.setAll(posted);
            return json.writeValueAsBytes(merged);
        }, new Precondition(ifMatch == null ? null : ifMatch.strip(), "*".equals(strip(ifNoneMatch)), false));
        return ResponseEntity.noContent().eTag(stored.etag()).build();
    }

    @GetMapping({"/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile"})
    ResponseEntity<?> get(@RequestParam Map<String, String> parameters, Authentication authentication,
                          HttpServletRequest request) {
        XapiCaller.of(authentication, lrsHomePage, access);
        Resource resource = resource(request);
        Key key = key(resource, parameters, false);
        if (key.documentId() == null) {
            Instant since = XapiParameters.timestamp(parameters, "since");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(documents.ids(key, since));
        }
        if (parameters.containsKey("since")) {
            throw InvalidXapiRequest.of("since", "applies only when no " + idParameter(resource) + " is given");
        }
        StoredDocument document = documents.find(key)
                .orElseThrow(() -> new ResourceNotFound("No document " + key.documentId() + " here"));
        return ResponseEntity.ok().eTag(document.etag()).lastModified(document.updated())
                .contentType(MediaType.parseMediaType(document.contentType())).body(document.content());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping({"/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile"})
    ResponseEntity<Void> delete(@RequestParam Map<String, String> parameters,
                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                Authentication authentication, HttpServletRequest request) {
        XapiCaller.of(authentication, lrsHomePage, access);
        Resource resource = resource(request);
        Key key = key(resource, parameters, resource != Resource.STATE);
        if (parameters.containsKey("since")) {
            throw InvalidXapiRequest.of("since", "is not a parameter of DELETE");
        }
        if (key.documentId() == null) {
            documents.deleteAll(key);
        } else {
            documents.delete(key, new Precondition(strip(ifMatch), false, false));
        }
        return ResponseEntity.noContent().build();
    }

    private static Resource resource(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.endsWith("/activities/state")) {
            return Resource.STATE;
        }
        return path.endsWith("/activities/profile") ? Resource.ACTIVITY_PROFILE : Resource.AGENT_PROFILE;
    }

    private static String idParameter(Resource resource) {
        return resource == Resource.STATE ? "stateId" : "profileId";
    }

    /** The request's key, every parameter checked; with {@code idRequired} the stateId/profileId must be given. */
    private Key key(Resource resource, Map<String, String> parameters, boolean idRequired) {
        XapiParameters.only(parameters, PARAMETERS.get(resource), "is not a parameter of this resource");
        String activityId = null;
        if (resource != Resource.AGENT_PROFILE) {
            activityId = parameters.get("activityId");
            if (activityId == null || !StatementValidator.isIri(activityId)) {
                throw InvalidXapiRequest.of("activityId", "is required and must be an IRI");
            }
        }
        String agent = null;
        if (resource != Resource.ACTIVITY_PROFILE) {
            if (!parameters.containsKey("agent")) {
                throw InvalidXapiRequest.of("agent", "is required");
            }
            agent = StatementFacts.identifier(XapiParameters.agent(parameters.get("agent"), "agent", json))
                    .orElseThrow();
        }
        String registration = resource == Resource.STATE ? XapiParameters.uuid(parameters, "registration") : null;
        String idName = idParameter(resource);
        String documentId = parameters.get(idName);
        if (documentId != null && documentId.isEmpty()) {
            throw InvalidXapiRequest.of(idName, "must not be empty");
        }
        if (idRequired && documentId == null) {
            throw InvalidXapiRequest.of(idName, "is required");
        }
        return new Key(resource, activityId, agent, registration, documentId);
    }

    private Precondition precondition(Key key, String ifMatch, String ifNoneMatch) {
        String noneMatch = strip(ifNoneMatch);
        if (noneMatch != null && !"*".equals(noneMatch)) {
            throw InvalidXapiRequest.of("If-None-Match", "only * is supported: create the document if it is absent");
        }
        return new Precondition(strip(ifMatch), noneMatch != null, key.resource() != Resource.STATE);
    }

    private byte[] content(byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > maxDocumentBytes) {
            throw new DocumentTooLarge(maxDocumentBytes);
        }
        return content;
    }

    private ObjectNode parseJson(byte[] content, boolean objectRequired) {
        JsonNode node;
        try {
            node = json.readTree(content);
        } catch (JacksonException e) {
            throw InvalidXapiRequest.of("document", "is declared as application/json but is not valid JSON");
        }
        if (objectRequired && (node == null || !node.isObject())) {
            throw InvalidXapiRequest.of("document", "must be a JSON object to be merged");
        }
        return node instanceof ObjectNode object ? object : null;
    }

    private ObjectNode parseStoredObject(byte[] content) {
        try {
            if (json.readTree(content) instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // falls through: the stored document is not a JSON object
        }
        throw InvalidXapiRequest.of("document", "the stored document is not a JSON object, so nothing can be merged"
                + " into it; replace it with PUT");
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            return MediaType.parseMediaType(contentType).toString();
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw InvalidXapiRequest.of("Content-Type", "is not a media type");
        }
    }

    private static String strip(String header) {
        return header == null || header.isBlank() ? null : header.strip();
    }
}
