package dev.competency.platform.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An image in docker-save format (what {@code jib:buildTar} and the base image script write, and what
 * {@code docker load} reads): {@code manifest.json}, the config and one blob per layer, each a tar, gzipped or not.
 * Reads every layer once, keeping each entry's metadata and the content of small files under /etc, /app,
 * /usr/local/bin and /var/lib/dpkg.
 */
record DockerArchive(List<String> repoTags, JsonNode config, List<Layer> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long KEPT_CONTENT_LIMIT = 64 * 1024;

    record Entry(String path, int mode, long uid, long gid, long modifiedEpochSecond, boolean directory,
                 String linkName, byte[] content) {

        boolean isExecutableFile() {
            return !directory && linkName == null && (mode & 0111) == 0111;
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** One layer: the blob's file name and sha256, the sha256 of its uncompressed tar (the diff id), entries by path. */
    record Layer(String blobName, String blobDigest, String diffId, Map<String, Entry> entries) {

        Optional<Entry> entry(String path) {
            return Optional.ofNullable(entries.get(path));
        }
    }

    static DockerArchive read(Path tarball) {
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        Map<String, Layer> layersByBlob = new LinkedHashMap<>();
        try (TarArchiveInputStream archive = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            TarArchiveEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (name.endsWith(".json")) {
                    metadata.put(name, archive.readAllBytes());
                } else {
                    layersByBlob.put(name, readLayer(name, archive));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + tarball, e);
        }
        JsonNode manifest = parse(metadata.get("manifest.json")).get(0);
        JsonNode config = parse(metadata.get(manifest.get("Config").asString()));
        List<String> tags = new ArrayList<>();
        manifest.get("RepoTags").forEach(tag -> tags.add(tag.asString()));
        List<Layer> layers = new ArrayList<>();
        manifest.get("Layers").forEach(blob -> layers.add(layersByBlob.get(blob.asString())));
        return new DockerArchive(List.copyOf(tags), config, List.copyOf(layers));
    }

    private static Layer readLayer(String blobName, InputStream blob) throws IOException {
        DigestInputStream compressed = new DigestInputStream(blob, sha256());
        InputStream raw = blobName.endsWith(".gz") ? new GzipCompressorInputStream(compressed) : compressed;
        DigestInputStream uncompressed = new DigestInputStream(raw, sha256());
        Map<String, Entry> entries = new LinkedHashMap<>();
        TarArchiveInputStream layer = new TarArchiveInputStream(uncompressed);
        TarArchiveEntry entry;
        while ((entry = layer.getNextEntry()) != null) {
            String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
            byte[] content = keepsContent(path, entry) ? layer.readAllBytes() : null;
            String link = entry.isSymbolicLink() || entry.isLink() ? entry.getLinkName() : null;
            entries.put(path, new Entry(path, entry.getMode(), entry.getLongUserId(), entry.getLongGroupId(),
                    entry.getModTime().toInstant().getEpochSecond(), entry.isDirectory(), link, content));
        }
        uncompressed.transferTo(OutputStream.nullOutputStream());
        compressed.transferTo(OutputStream.nullOutputStream());
        return new Layer(blobName, hex(compressed), hex(uncompressed), entries);
    }

    private static boolean keepsContent(String path, TarArchiveEntry entry) {
        return entry.isFile() && entry.getSize() <= KEPT_CONTENT_LIMIT
                && (path.startsWith("/etc/") || path.startsWith("/app/") || path.startsWith("/usr/local/bin/")
                    || path.startsWith("/var/lib/dpkg/"))
                && !path.endsWith(".class");
    }

    /** The entry at this path in the image as a container sees it: the last layer that has it wins. */
    Optional<Entry> file(String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<Entry> entry = layers.get(i).entry(path);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** Layers with the history comment Jib (or the base image script) gave them, empty layers skipped. */
    Map<String, Layer> layersByComment() {
        Map<String, Layer> named = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode history : config.get("history")) {
            if (history.path("empty_layer").asBoolean(false)) {
                continue;
            }
            named.put(history.path("comment").asString(""), layers.get(index++));
        }
        return named;
    }

    List<String> stringList(String field) {
        List<String> values = new ArrayList<>();
        config.get("config").path(field).forEach(value -> values.add(value.asString()));
        return values;
    }

    static JsonNode parse(byte[] json) {
        return JSON.readTree(json);
    }

    static JsonNode parse(Path json) {
        try {
            return parse(Files.readAllBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(DigestInputStream stream) {
        return "sha256:" + HexFormat.of().formatHex(stream.getMessageDigest().digest());
    }
}
