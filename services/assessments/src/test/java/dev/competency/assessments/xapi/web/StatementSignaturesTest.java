package dev.competency.assessments.xapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.competency.assessments.xapi.domain.StatementProblem;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Signature checks with an X.509 certificate in the JWS header, made by the JDK's keytool. */
class StatementSignaturesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATEMENT = "{\"actor\":{\"mbox\":\"mailto:signer@example.com\"},\"verb\":{\"id\":"
            + "\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"https://content.example.com/a\"}}";

    @Test
    void acceptsSignature_whenItVerifiesWithTheCertificateInItsHeader(@TempDir Path directory) throws Exception {
        KeyPair certified = certifiedKeys(directory);
        X509Certificate certificate = certificate(directory);
        String received = "{\"id\":\"6f1c8a52-1f0e-4d6b-9a51-3a2b1c0d9e8f\",\"stored\":\"2026-12-01T10:00:00Z\","
                + STATEMENT.substring(1);

        Optional<StatementProblem> problem = StatementSignatures.check(JSON.readTree(received),
                SignedStatements.rs256(STATEMENT, certified, certificate).getBytes(StandardCharsets.US_ASCII),
                "attachments[0]", JSON);

        assertThat(problem).isEmpty();
    }

    @Test
    void refusesSignature_whenAnotherKeySignedIt(@TempDir Path directory) throws Exception {
        certifiedKeys(directory);
        X509Certificate certificate = certificate(directory);

        Optional<StatementProblem> problem = StatementSignatures.check(JSON.readTree(STATEMENT),
                SignedStatements.rs256(STATEMENT, SignedStatements.rsaKeys(), certificate)
                        .getBytes(StandardCharsets.US_ASCII), "attachments[0]", JSON);

        assertThat(problem).hasValueSatisfying(p -> {
            assertThat(p.path()).isEqualTo("attachments[0]");
            assertThat(p.message()).contains("does not verify");
        });
    }

    private static KeyPair certifiedKeys(Path directory) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=Signer",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", directory.resolve("signer.p12").toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = keyStore(directory);
        return new KeyPair(store.getCertificate("signer").getPublicKey(),
                (PrivateKey) store.getKey("signer", "changeit".toCharArray()));
    }

    private static X509Certificate certificate(Path directory) throws Exception {
        return (X509Certificate) keyStore(directory).getCertificate("signer");
    }

    private static KeyStore keyStore(Path directory) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("signer.p12"))) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }
}
