package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.platform.test.ServiceHttp;
import dev.competency.assessments.support.SharedService;
import dev.competency.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signed statements sent as multipart/mixed with a JWS attachment, against the running service. */
class SignedStatementsIT {

    private static final KeyPair KEYS = SignedStatements.rsaKeys();
    private static String key;
    private static String secret;

    @BeforeAll
    static void registerClient() {
        ServiceHttp admin = SharedService.http().bearer(TestTokens.token("admin-1", "ADMIN"));
        JsonNode created = admin.json(admin.post("/api/assessments/xapi-clients", "{\"name\":\"Signing provider\"}"));
        key = created.path("key").asString();
        secret = created.path("secret").asString();
    }

    private static ServiceHttp lrs() {
        return SharedService.http().basic(key, secret).xapi()
                .header("Content-Type", "multipart/mixed; boundary=" + SignedStatements.BOUNDARY);
    }

    private static String statement(String id) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:signer@example.com\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"https://content.example.com/"
                + id + "\"},\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"https://content.example.com/c\"}}}}";
    }

    private static HttpResponse<String> post(byte[] body) {
        return lrs().send("POST", "/xapi/statements", new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void storesSignedStatementWithItsSignature_whenJwsPayloadIsTheStatement() {
        String id = UUID.randomUUID().toString();
        String jws = SignedStatements.rs256(statement(id), KEYS, null);

        HttpResponse<String> response = post(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(statement(id), jws), jws));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode stored = SharedService.http().basic(key, secret).xapi().json(SharedService.http().basic(key, secret)
                .xapi().get("/xapi/statements?statementId=" + id));
        assertThat(stored.path("attachments").get(0).path("usageType").asString())
                .isEqualTo(StatementSignatures.SIGNATURE_USAGE);
        assertThat(stored.path("attachments").get(0).path("sha2").asString()).isEqualTo(SignedStatements.sha256(jws));
    }

    @Test
    void refusesStatementAndStoresNothing_whenSignatureIsBad() {
        String tampered = UUID.randomUUID().toString();
        String jwsOfOther = SignedStatements.rs256(statement(UUID.randomUUID().toString()), KEYS, null);
        String hmac = UUID.randomUUID().toString();
        String jwsHmac = SignedStatements.hs256(statement(hmac));
        String garbage = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        String jwsMissing = SignedStatements.rs256(statement(missing), KEYS, null);

        HttpResponse<String> payloadMismatch = post(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(statement(tampered), jwsOfOther), jwsOfOther));
        HttpResponse<String> wrongAlgorithm = post(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(statement(hmac), jwsHmac), jwsHmac));
        HttpResponse<String> notAJws = post(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(statement(garbage), "not.a-jws"), "not.a-jws"));
        HttpResponse<String> noPart = post(SignedStatements.multipart(
                SignedStatements.withSignatureAttachment(statement(missing), jwsMissing)));
        HttpResponse<String> strayPart = post(SignedStatements.multipart(statement(UUID.randomUUID().toString()),
                "unreferenced content"));

        assertThat(payloadMismatch.statusCode()).isEqualTo(400);
        assertThat(payloadMismatch.body()).contains("different statement");
        assertThat(wrongAlgorithm.statusCode()).isEqualTo(400);
        assertThat(wrongAlgorithm.body()).contains("RS256");
        assertThat(notAJws.statusCode()).isEqualTo(400);
        assertThat(noPart.statusCode()).isEqualTo(400);
        assertThat(strayPart.statusCode()).isEqualTo(400);
        for (String id : new String[] {tampered, hmac, garbage, missing}) {
            assertThat(SharedService.http().basic(key, secret).xapi().get("/xapi/statements?statementId=" + id)
                    .statusCode()).isEqualTo(404);
        }
    }
}
