package dev.competency.assessments.xapi.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import dev.competency.assessments.xapi.domain.StatementNormalForm;
import dev.competency.assessments.xapi.domain.StatementProblem;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks signed statements (xAPI Data 2.6): a signature is an attachment with usage type
 * {@value #SIGNATURE_USAGE} whose content is a JWS in compact serialisation. It must use RS256, RS384 or RS512; its
 * payload must be the statement as signed, equivalent to the statement received except for what an LRS may set
 * ({@code id} and {@code timestamp} when the signed statement has none, {@code authority}, {@code stored},
 * {@code version}) and the {@code attachments}, which include the signature itself; and when its header carries an
 * X.509 certificate chain ({@code x5c}), the signature must verify with the first certificate's public key. Without a
 * certificate the LRS cannot check who signed, only that the signature belongs to this statement.
 */
final class StatementSignatures {

    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512);

    private StatementSignatures() {
    }

    /** The problem with the signature of {@code statement} given as {@code jws}, if there is one. */
    static Optional<StatementProblem> check(JsonNode statement, byte[] jws, String path, JsonMapper json) {
        JWSObject signature;
        try {
            signature = JWSObject.parse(new String(jws, StandardCharsets.US_ASCII).strip());
        } catch (ParseException e) {
            return problem(path, "is not a JWS in compact serialisation");
        }
        if (!ALGORITHMS.contains(signature.getHeader().getAlgorithm())) {
            return problem(path, "must be signed with RS256, RS384 or RS512, not "
                    + signature.getHeader().getAlgorithm());
        }
        JsonNode signed;
        try {
            signed = json.readTree(signature.getPayload().toBytes());
        } catch (JacksonException e) {
            return problem(path, "has a payload that is not a JSON statement");
        }
        if (!(signed instanceof ObjectNode signedStatement)
                || !comparable(signedStatement, signedStatement).equals(comparable(statement, signedStatement))) {
            return problem(path, "was made for a different statement: its payload does not match this statement");
        }
        List<com.nimbusds.jose.util.Base64> chain = signature.getHeader().getX509CertChain();
        if (chain != null && !chain.isEmpty()) {
            X509Certificate certificate = X509CertUtils.parse(chain.get(0).decode());
            if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey key)) {
                return problem(path, "has an x5c header whose first certificate is not an RSA certificate");
            }
            try {
                if (!signature.verify(new RSASSAVerifier(key))) {
                    return problem(path, "does not verify with the certificate in its x5c header");
                }
            } catch (JOSEException e) {
                return problem(path, "cannot be verified with the certificate in its x5c header: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The statement without what may differ between what was signed and what the LRS received. */
    private static JsonNode comparable(JsonNode statement, ObjectNode signed) {
        ObjectNode copy = (ObjectNode) StatementNormalForm.of(statement).deepCopy();
        copy.remove(List.of("authority", "stored", "version", "attachments"));
        if (!signed.has("id")) {
            copy.remove("id");
        }
        if (!signed.has("timestamp")) {
            copy.remove("timestamp");
        }
        if (copy.has("id")) {
            copy.put("id", copy.path("id").asString().toLowerCase(java.util.Locale.ROOT));
        }
        return copy;
    }

    private static Optional<StatementProblem> problem(String path, String message) {
        return Optional.of(new StatementProblem(path, "the signature " + message));
    }
}
