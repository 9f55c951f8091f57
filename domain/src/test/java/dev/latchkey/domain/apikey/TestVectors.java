package dev.latchkey.domain.apikey;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The independently computed vectors of PRODUCT.md §2 and §6, copied verbatim into test resources. */
final class TestVectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestVectors() {
    }

    record KeysFile(String about, List<ValidKey> valid, List<InvalidKey> invalid) {
    }

    record ValidKey(String key, String type, String environment, String checksum, String prefix, String last4,
                    String sha256) {
        @Override
        public String toString() {
            return key;
        }
    }

    record InvalidKey(String key, String why) {
        @Override
        public String toString() {
            return why + " [" + key + "]";
        }
    }

    record SignaturesFile(String about, List<Signature> signatures) {
    }

    record Signature(String secret, String body, Long timestamp, String header) {
    }

    static KeysFile keys() {
        return read("/test-vectors/keys.json", KeysFile.class);
    }

    static SignaturesFile signatures() {
        return read("/test-vectors/signatures.json", SignaturesFile.class);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
