package dev.latchkey.app.contract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;


import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;

/** Behind a trusted proxy (here the test itself, on loopback) the client's address comes from X-Forwarded-For. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.trusted-proxies=127.0.0.1,::1",
                "latchkey.operators=proxy-operator@example.com"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyHttpTest {

    @Value("${local.server.port}")
    int port;

    private ApiClient api;
    private String office;

    @BeforeAll
    void createAnAllowlistedKey() {
        api = new ApiClient(port);
        String token = ok(api.post("/v1/auth/register", "{\"email\":\"proxy-operator@example.com\","
                + "\"password\":\"correct horse battery\",\"workspaceName\":\"Proxied\"}"), 201)
                .get("access_token").asString();
        ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"SCALE\"}", "Authorization", bearer(token)), 200);
        JsonNode key = ok(api.post("/v1/keys", "{\"name\":\"office\",\"type\":\"sk\",\"ipAllowlist\":[\"203.0.113.0/24\"]}",
                "Authorization", bearer(token)), 201);
        office = key.get("key").asString();
    }

    @Test
    void theAddressTheProxySawIsTheClients() {
        ok(api.get("/v1/workspace", "Authorization", bearer(office), "X-Forwarded-For", "203.0.113.9"), 200);
        problem(api.get("/v1/workspace", "Authorization", bearer(office), "X-Forwarded-For", "198.51.100.1"),
                403, "ip_not_allowed");
    }

    @Test
    void whatTheClientPutInFrontOfTheProxysEntryIsIgnored() {
        problem(api.get("/v1/workspace", "Authorization", bearer(office), "X-Forwarded-For",
                "203.0.113.9, 198.51.100.1"), 403, "ip_not_allowed");
    }

    @Test
    void withoutTheHeaderTheProxyItselfIsTheClient() {
        problem(api.get("/v1/workspace", "Authorization", bearer(office)), 403, "ip_not_allowed");
    }
}
