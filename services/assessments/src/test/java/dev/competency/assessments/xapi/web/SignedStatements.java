package dev.competency.assessments.xapi.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/** Builds signed statements and multipart/mixed bodies as an activity provider sends them. */
final class SignedStatements {

    static final String BOUNDARY = "xapi-boundary-7f3a";

    private SignedStatements() {
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWS (RS256) over {@code payload}, with {@code certificate} as x5c when given. */
    static String rs256(String payload, KeyPair keys, X509Certificate certificate) {
        try {
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
            if (certificate != null) {
                header.x509CertChain(List.of(Base64.encode(certificate.getEncoded())));
            }
            JWSObject jws = new JWSObject(header.build(), new Payload(payload));
            jws.sign(new RSASSASigner(keys.getPrivate()));
            return jws.serialize();
        } catch (JOSEException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWS with a shared-secret algorithm, which xAPI does not allow. */
    static String hs256(String payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
            jws.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement JSON with a signature attachment for {@code jws} appended. */
    static String withSignatureAttachment(String statement, String jws) {
        String attachment = "\"attachments\":[{\"usageType\":\"" + StatementSignatures.SIGNATURE_USAGE + "\","
                + "\"display\":{\"en-US\":\"Signature\"},\"contentType\":\"application/octet-stream\","
                + "\"length\":" + jws.length() + ",\"sha2\":\"" + sha256(jws) + "\"}]";
        return statement.substring(0, statement.lastIndexOf('}')) + "," + attachment + "}";
    }

    /** A multipart/mixed body: the statements part, then one part per attachment content. */
    static byte[] multipart(String statements, String... attachments) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder();
        text.append("--").append(BOUNDARY).append("\r\nContent-Type: application/json\r\n\r\n").append(statements)
                .append("\r\n");
        for (String attachment : attachments) {
            text.append("--").append(BOUNDARY).append("\r\nContent-Type: application/octet-stream\r\n")
                    .append("Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ").append(sha256(attachment))
                    .append("\r\n\r\n").append(attachment).append("\r\n");
        }
        text.append("--").append(BOUNDARY).append("--\r\n");
        body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
