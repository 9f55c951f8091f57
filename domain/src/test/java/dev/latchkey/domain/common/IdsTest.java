package dev.latchkey.domain.common;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void randomIdIsThePrefixAnUnderscoreAnd22Base62Characters() {
        String id = Ids.random("ws");

        assertThat(id).matches("ws_[0-9A-Za-z]{22}");
        assertThat(Ids.looksLike("ws", id)).isTrue();
    }

    @Test
    void randomIdsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.random("key"));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void looksLikeChecksPrefixLengthAndAlphabet() {
        String body = "0123456789abcdefghijAB";
        assertThat(Ids.looksLike("ws", "ws_" + body)).isTrue();

        assertThat(Ids.looksLike("ws", null)).isFalse();
        assertThat(Ids.looksLike("ws", "")).isFalse();
        assertThat(Ids.looksLike("ws", "usr_" + body)).isFalse();
        assertThat(Ids.looksLike("ws", "wsx" + body)).isFalse();
        assertThat(Ids.looksLike("ws", "ws-" + body)).isFalse();
        assertThat(Ids.looksLike("ws", "ws_" + body.substring(1))).isFalse();
        assertThat(Ids.looksLike("ws", "ws_" + body + "C")).isFalse();
        assertThat(Ids.looksLike("ws", "ws_" + body.substring(1) + "-")).isFalse();
        assertThat(Ids.looksLike("ws", "ws_" + body.substring(1) + "_")).isFalse();
        assertThat(Ids.looksLike("ws", "ws_" + body.substring(1) + "é")).isFalse();
        assertThat(Ids.looksLike("ws", "WS_" + body)).isFalse();
    }

    @Test
    void entityIdsCarryTheirPrefix() {
        assertThat(Ids.looksLike("ws", WorkspaceId.newId().value())).isTrue();
        assertThat(Ids.looksLike("usr", UserId.newId().value())).isTrue();
        assertThat(Ids.looksLike("key", ApiKeyId.newId().value())).isTrue();
        assertThat(Ids.looksLike("ws", UserId.newId().value())).isFalse();
        assertThat(WorkspaceId.newId()).isNotEqualTo(WorkspaceId.newId());
    }

    @Test
    void idsPrintAsTheirValue() {
        assertThat(new WorkspaceId("ws_abc")).hasToString("ws_abc");
        assertThat(new UserId("usr_abc")).hasToString("usr_abc");
        assertThat(new ApiKeyId("key_abc")).hasToString("key_abc");
    }
}
