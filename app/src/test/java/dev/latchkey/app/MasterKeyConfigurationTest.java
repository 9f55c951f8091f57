package dev.latchkey.app;

import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SecretSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@ExtendWith(OutputCaptureExtension.class)
class MasterKeyConfigurationTest {

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dataDir;

    @Test
    void generatesOneOwnerOnlyKeyFileOnceWarnsWithoutTheKeyAndReusesIt(CapturedOutput output) throws Exception {
        byte[] first = SecretsConfiguration.masterKey(properties(null), random);

        Path file = dataDir.resolve("master-key");
        assertThat(first).hasSize(32);
        assertThat(Files.readString(file)).isEqualTo(Base64.getEncoder().encodeToString(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(output.getAll())
                .contains("WARN", "master-key", "LATCHKEY_MASTER_KEY", "Back that file up")
                .doesNotContain(Base64.getEncoder().encodeToString(first));

        int outputLength = output.getAll().length();
        byte[] again = SecretsConfiguration.masterKey(properties(null), random);
        assertThat(again).isEqualTo(first);
        assertThat(output.getAll().substring(outputLength)).doesNotContain("master-key");
    }

    @Test
    void aSealerFromTheGeneratedKeyOpensItsSecretsAfterARestart() {
        SecurityAdaptersConfiguration configuration = new SecurityAdaptersConfiguration();
        SecretSealer beforeRestart = configuration.secretSealer(properties(null), random);
        SealedSecret sealed = beforeRestart.seal("whsec_1234".getBytes(StandardCharsets.UTF_8), "ctx");

        SecretSealer afterRestart = configuration.secretSealer(properties(null), new SecureRandom());
        assertThat(afterRestart.open(sealed, "ctx")).isEqualTo("whsec_1234".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usesTheConfiguredKeyAndWritesNoFile() {
        byte[] key = new byte[32];
        random.nextBytes(key);

        byte[] used = SecretsConfiguration.masterKey(properties(" " + Base64.getEncoder().encodeToString(key) + "\n"),
                random);

        assertThat(used).isEqualTo(key);
        assertThat(dataDir.resolve("master-key")).doesNotExist();
    }

    @Test
    void readsTheKeyFromLatchkeyMasterKeyInTheEnvironment() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test",
                Map.of("LATCHKEY_MASTER_KEY", Base64.getEncoder().encodeToString(key),
                        "LATCHKEY_DATA_DIR", dataDir.toString())));

        LatchkeyProperties properties = Binder.get(environment).bindOrCreate("latchkey", LatchkeyProperties.class);

        assertThat(SecretsConfiguration.masterKey(properties, random)).isEqualTo(key);
        assertThat(properties.toString()).contains("masterKey=redacted")
                .doesNotContain(Base64.getEncoder().encodeToString(key));
    }

    @Test
    void aWrongLengthFailsStartupWithoutEchoingTheValue() {
        String sixteenBytes = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        Throwable failure = catchThrowable(() -> SecretsConfiguration.masterKey(properties(sixteenBytes), random));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("latchkey.master-key")
                .hasMessageContaining("exactly 32 bytes")
                .hasMessageContaining("16 bytes");
        assertThat(failure.getMessage()).doesNotContain(sixteenBytes).doesNotContain("0123456789abcdef");
    }

    @Test
    void invalidBase64FailsStartupWithoutEchoingTheValue() {
        String notBase64 = "this-is-not*base64!SECRET";

        Throwable failure = catchThrowable(() -> SecretsConfiguration.masterKey(properties(notBase64), random));

        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LATCHKEY_MASTER_KEY")
                .hasMessageContaining("base64")
                .hasNoCause();
        assertThat(failure.getMessage()).doesNotContain(notBase64).doesNotContain("SECRET").doesNotContain("*");
    }

    @Test
    void aDamagedKeyFileFailsStartup() throws Exception {
        Files.writeString(dataDir.resolve("master-key"), Base64.getEncoder().encodeToString(new byte[20]));
        assertThat(catchThrowable(() -> SecretsConfiguration.masterKey(properties(null), random)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("master-key")
                .hasMessageContaining("exactly 32 bytes");

        Files.writeString(dataDir.resolve("master-key"), "%%% not base64 %%%");
        assertThat(catchThrowable(() -> SecretsConfiguration.masterKey(properties(null), random)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void theJwtSecretIsStillGeneratedOnceIntoItsOwnFile() throws Exception {
        SecretsConfiguration configuration = new SecretsConfiguration();
        configuration.jwtSettings(properties(null), random);

        Path file = dataDir.resolve("jwt-secret");
        assertThat(Base64.getDecoder().decode(Files.readString(file))).hasSize(48);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String content = Files.readString(file);
        configuration.jwtSettings(properties(null), random);
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    private LatchkeyProperties properties(String masterKey) {
        Map<String, Object> values = new HashMap<>();
        values.put("latchkey.data-dir", dataDir.toString());
        if (masterKey != null) {
            values.put("latchkey.master-key", masterKey);
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("latchkey", LatchkeyProperties.class);
    }
}
