package dev.competency.assessments.xapi.web;

import dev.competency.assessments.access.AssessmentAccessPolicy;
import dev.competency.assessments.xapi.domain.StatementFacts;
import dev.competency.assessments.xapi.domain.StatementFormat;
import dev.competency.assessments.xapi.domain.StatementValidator;
import dev.competency.assessments.xapi.query.StatementStore;
import dev.competency.platform.service.openapi.OpenApiConfiguration;
import dev.competency.platform.service.web.ResourceNotFound;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
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
 * The xAPI Statements resource, as an LRS serves it: PUT one statement under its id, POST one statement or an
 * array, GET one statement by id (or a voided one by {@code voidedStatementId}) or a filtered, paged list.
 */
@SecurityRequirement(name = XapiSecurityConfiguration.BASIC)
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@RestController
class StatementsController {

    private static final Pattern SHA2 = Pattern.compile("[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}"
            + "|[0-9a-fA-F]{128}");
    private static final Set<String> QUERY_PARAMETERS = Set.of("statementId", "voidedStatementId", "agent", "verb",
            "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
            "attachments", "ascending", "more");
    private static final Set<String> SINGLE_PARAMETERS = Set.of("statementId", "voidedStatementId", "format",
            "attachments");

    private final StatementIntake intake;
    private final StatementStore store;
    private final AssessmentAccessPolicy access;
    private final JsonMapper json;
    private final String lrsHomePage;

    StatementsController(StatementIntake intake, StatementStore store, AssessmentAccessPolicy access, JsonMapper json,
                         @Value("${assessments.xapi.lrs-home-page}") String lrsHomePage) {
        this.intake = intake;
        this.store = store;
        this.access = access;
        this.json = json;
        this.lrsHomePage = lrsHomePage;
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping(path = "/xapi/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> put(@RequestParam(required = false) String statementId, @RequestBody byte[] body,
                             @RequestHeader(XapiHeaders.VERSION) String version, Authentication authentication) {
        JsonNode statement = parse(body);
        return put(statementId, statement, Map.of(), version, XapiCaller.of(authentication, lrsHomePage, access));
    }

    /** A statement with the content of its attachments (signed statements among them). */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping(path = "/xapi/statements", consumes = "multipart/mixed")
    ResponseEntity<Void> putWithAttachments(@RequestParam(required = false) String statementId,
                                            @RequestBody byte[] body,
                                            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                            @RequestHeader(XapiHeaders.VERSION) String version,
                                            Authentication authentication) {
        XapiCaller caller = XapiCaller.of(authentication, lrsHomePage, access);
        Multipart multipart = multipart(body, contentType);
        return put(statementId, multipart.statements(), multipart.attachments(), version, caller);
    }

    private ResponseEntity<Void> put(String statementId, JsonNode statement, Map<String, byte[]> attachments,
                                     String version, XapiCaller caller) {
        if (!StatementValidator.isUuid(statementId)) {
            throw InvalidXapiRequest.of("statementId", "must be given as a UUID query parameter");
        }
        if (!statement.isObject()) {
            throw InvalidXapiRequest.of("statement", "must be one statement object");
        }
        if (statement.has("id") && !(statement.path("id").isString()
                && statement.path("id").asString().equalsIgnoreCase(statementId))) {
            throw InvalidXapiRequest.of("id", "must equal the statementId parameter");
        }
        ObjectNode withId = ((ObjectNode) statement).deepCopy();
        withId.put("id", statementId.toLowerCase(Locale.ROOT));
        intake.accept(List.of(withId), false, version, caller, attachments);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/xapi/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<String>> post(@RequestBody byte[] body, @RequestHeader(XapiHeaders.VERSION) String version,
                                      Authentication authentication) {
        XapiCaller caller = XapiCaller.of(authentication, lrsHomePage, access);
        return post(parse(body), Map.of(), version, caller);
    }

    /** Statements with the content of their attachments (signed statements among them). */
    @PostMapping(path = "/xapi/statements", consumes = "multipart/mixed")
    ResponseEntity<List<String>> postWithAttachments(@RequestBody byte[] body,
                                                     @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                     @RequestHeader(XapiHeaders.VERSION) String version,
                                                     Authentication authentication) {
        XapiCaller caller = XapiCaller.of(authentication, lrsHomePage, access);
        Multipart multipart = multipart(body, contentType);
        return post(multipart.statements(), multipart.attachments(), version, caller);
    }

    private ResponseEntity<List<String>> post(JsonNode parsed, Map<String, byte[]> attachments, String version,
                                              XapiCaller caller) {
        boolean array = parsed.isArray();
        if (array && parsed.isEmpty()) {
            throw InvalidXapiRequest.of("statements", "must not be empty");
        }
        List<JsonNode> statements = array ? parsed.valueStream().toList() : List.of(parsed);
        return ResponseEntity.ok(intake.accept(statements, array, version, caller, attachments));
    }

    /** The statements (first part, JSON) and attachment contents (the other parts) of a multipart/mixed request. */
    private record Multipart(JsonNode statements, Map<String, byte[]> attachments) {
    }

    private Multipart multipart(byte[] body, String contentType) {
        String boundary;
        try {
            boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
        } catch (InvalidMediaTypeException e) {
            throw InvalidXapiRequest.of("Content-Type", "is not a media type");
        }
        if (boundary != null && boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        List<MultipartMixed.Part> parts = MultipartMixed.parse(body, boundary);
        if (parts.isEmpty() || !XapiHeaders.isJson(parts.get(0).header(HttpHeaders.CONTENT_TYPE))) {
            throw InvalidXapiRequest.of("multipart", "the first part must hold the statements as application/json");
        }
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            MultipartMixed.Part part = parts.get(i);
            String where = "multipart[" + i + "]";
            String hash = part.header(XapiHeaders.HASH);
            if (hash == null || !SHA2.matcher(hash).matches()) {
                throw InvalidXapiRequest.of(where, "needs an " + XapiHeaders.HASH + " header with the SHA-2 of its"
                        + " content");
            }
            if (!"binary".equalsIgnoreCase(part.header("Content-Transfer-Encoding"))) {
                throw InvalidXapiRequest.of(where, "needs Content-Transfer-Encoding: binary");
            }
            if (!hash.equalsIgnoreCase(sha2(part.content(), hash.length()))) {
                throw InvalidXapiRequest.of(where, "has content whose SHA-2 is not its " + XapiHeaders.HASH);
            }
            attachments.put(hash.toLowerCase(Locale.ROOT), part.content());
        }
        return new Multipart(parse(parts.get(0).content()), attachments);
    }

    /** The hex SHA-2 of {@code content} in the variant whose hex length is {@code hexLength} (224 to 512 bits). */
    private static String sha2(byte[] content, int hexLength) {
        String algorithm = "SHA-" + hexLength * 4;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    @GetMapping(path = "/xapi/statements", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> get(@RequestParam Map<String, String> parameters,
                                 @RequestHeader(value = "Accept-Language", required = false) String acceptLanguage,
                                 @RequestAttribute(ConsistentThroughFilter.ATTRIBUTE) Instant consistentThrough,
                                 Authentication authentication) {
        XapiCaller.of(authentication, lrsHomePage, access);
        XapiParameters.only(parameters, QUERY_PARAMETERS, "is not a parameter of the statements resource");
        List<Locale.LanguageRange> languages = languages(acceptLanguage);
        if (parameters.containsKey("statementId") || parameters.containsKey("voidedStatementId")) {
            return single(parameters, languages);
        }
        MoreToken page;
        if (parameters.containsKey("more")) {
            if (parameters.size() > 1) {
                throw InvalidXapiRequest.of("more", "cannot be combined with other parameters");
            }
            page = MoreToken.decode(parameters.get("more"), json);
        } else {
            page = new MoreToken(query(parameters), parameters.getOrDefault("format", "exact"), 0, null,
                    consistentThrough);
        }
        StatementFormat format = format(page.format());
        StatementStore.Page result = store.query(page.query(), page.afterId() == null ? null : page.cursor(),
                page.consistentThrough());
        ObjectNode body = json.createObjectNode();
        var statements = body.putArray("statements");
        result.statements().forEach(statement -> statements.add(format.apply(statement, languages)));
        body.put("more", result.next() == null ? "" : "/xapi/statements?more=" + new MoreToken(page.query(),
                page.format(), result.next().storedMicros(), result.next().id(), page.consistentThrough())
                .encode(json));
        return ResponseEntity.ok().body(body);
    }

    private ResponseEntity<JsonNode> single(Map<String, String> parameters, List<Locale.LanguageRange> languages) {
        XapiParameters.only(parameters, SINGLE_PARAMETERS, "cannot be combined with statementId or voidedStatementId");
        if (parameters.containsKey("statementId") && parameters.containsKey("voidedStatementId")) {
            throw InvalidXapiRequest.of("statementId", "give either statementId or voidedStatementId, not both");
        }
        boolean voided = parameters.containsKey("voidedStatementId");
        String id = voided ? parameters.get("voidedStatementId") : parameters.get("statementId");
        if (!StatementValidator.isUuid(id)) {
            throw InvalidXapiRequest.of(voided ? "voidedStatementId" : "statementId", "must be a UUID");
        }
        bool(parameters, "attachments");
        StatementFormat format = format(parameters.get("format"));
        StatementStore.StoredStatement stored = store.find(id.toLowerCase(Locale.ROOT))
                .filter(statement -> statement.voided() == voided)
                .orElseThrow(() -> new ResourceNotFound("No " + (voided ? "voided " : "") + "statement " + id));
        return ResponseEntity.ok().lastModified(stored.stored()).body(format.apply(stored.statement(), languages));
    }

    private StatementStore.Query query(Map<String, String> parameters) {
        String agent = parameters.containsKey("agent")
                ? StatementFacts.identifier(XapiParameters.agent(parameters.get("agent"), "agent", json)).orElseThrow()
                : null;
        String registration = XapiParameters.uuid(parameters, "registration");
        for (String iri : List.of("verb", "activity")) {
            if (parameters.containsKey(iri) && !StatementValidator.isIri(parameters.get(iri))) {
                throw InvalidXapiRequest.of(iri, "must be an IRI such as http://adlnet.gov/expapi/verbs/completed");
            }
        }
        format(parameters.get("format"));
        bool(parameters, "attachments");
        return new StatementStore.Query(agent, bool(parameters, "related_agents"), parameters.get("verb"),
                parameters.get("activity"), bool(parameters, "related_activities"), registration,
                XapiParameters.timestamp(parameters, "since"), XapiParameters.timestamp(parameters, "until"),
                limit(parameters), bool(parameters, "ascending"));
    }

    private static boolean bool(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidXapiRequest.of(name, "must be true or false");
        };
    }

    private static int limit(Map<String, String> parameters) {
        String value = parameters.get("limit");
        if (value == null) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 0) {
                throw InvalidXapiRequest.of("limit", "must not be negative");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw InvalidXapiRequest.of("limit", "must be a non-negative integer");
        }
    }

    private static StatementFormat format(String name) {
        return StatementFormat.named(name).orElseThrow(() -> InvalidXapiRequest.of("format",
                "must be one of exact, ids, canonical"));
    }

    private static List<Locale.LanguageRange> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return Optional.ofNullable(json.readTree(body))
                    .orElseThrow(() -> InvalidXapiRequest.of("statement", "the request body is empty"));
        } catch (JacksonException e) {
            throw InvalidXapiRequest.of("statement", "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
