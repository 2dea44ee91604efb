package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ownpilot.gateway.shared.PolicyResolverProvider;
import ownpilot.gateway.support.Api;
import ownpilot.gateway.support.FakeLlmServer;

/** No provider URL can lead the gateway, or an API key, to a metadata service; error bodies are not echoed. */
class OutboundPolicyApiTest extends ChatTestBase {

    private static final List<String> METADATA = List.of("http://169.254.169.254/latest/meta-data",
            "http://[::ffff:169.254.169.254]/", "http://[fe80::1]/v1", "http://[fd00:ec2::254]/",
            "http://100.100.100.200/", "http://2852039166/", "http://[64:ff9b::a9fe:a9fe]/", "http://0.0.0.0:80/");

    @org.junit.jupiter.api.AfterEach
    void dropOverrides() {
        jdbc.sql("DELETE FROM provider_overrides").update();
    }

    @Test
    void metadataAddressesAreRefusedAsBaseUrls() {
        for (String url : METADATA) {
            Api.Response override = api.put("/api/v1/providers/mistral/config", Map.of("baseUrl", url));
            assertThat(override.status()).as(url).isEqualTo(400);
            assertThat(override.errorCode()).as(url).isEqualTo("VALIDATION_ERROR");
            Api.Response local = api.post("/api/v1/local-providers", Map.of("name", "x", "providerType", "ollama",
                    "baseUrl", url));
            assertThat(local.status()).as(url).isEqualTo(400);
        }
        assertThat(api.put("/api/v1/providers/mistral/config", Map.of("baseUrl", "http://192.168.1.20:11434/v1"))
                .status()).isEqualTo(200);
        assertThat(api.put("/api/v1/providers/mistral/config", Map.of("baseUrl", "http://127.0.0.1:1234/v1"))
                .status()).isEqualTo(200);
    }

    @Test
    void aStoredMetadataUrlIsNeverCalledWithTheKey() {
        jdbc.sql("UPDATE provider_overrides SET base_url = 'http://169.254.169.254/v1' WHERE provider_id = 'openai'")
                .update();
        api.post("/api/v1/settings/api-key/openai", Map.of("apiKey", "sk-another-key-to-clear-caches-0001"));
        Api.Response refused = api.post("/api/v1/chat", ask("hi"));
        assertThat(refused.status()).as(refused.raw().body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("PROVIDER_ADDRESS_FORBIDDEN");
    }

    @Test
    void anUpstreamErrorBodyThatIsNotAJsonErrorIsNotEchoed() {
        LLM.enqueue(new FakeLlmServer.Status(401, "<html>internal-service secret token=abc123</html>"));
        Api.Response failed = api.post("/api/v1/chat", ask("hi"));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.raw().body()).doesNotContain("internal-service").doesNotContain("abc123")
                .contains("not a JSON error");
        LLM.enqueue(new FakeLlmServer.Status(401, "{\"error\":{\"message\":\"Invalid key\\n" + "x".repeat(1000)
                + "\"}}"));
        Api.Response json = api.post("/api/v1/chat", ask("hi"));
        String message = json.body().path("error").path("message").asString();
        assertThat(message).contains("Invalid key").hasSizeLessThan(400);
    }

    @Test
    void everyNameLookupDropsForbiddenAddresses() throws Exception {
        assertThat(ServiceLoader.load(InetAddressResolverProvider.class).stream().map(p -> p.type().getName()))
                .contains(PolicyResolverProvider.class.getName());
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        InetAddress lan = InetAddress.getByName("192.168.1.5");
        InetAddressResolver resolver = PolicyResolverProvider.filtering(new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) {
                return host.equals("rebind.test") ? Stream.of(metadata) : Stream.of(metadata, lan);
            }

            @Override
            public String lookupByAddress(byte[] addr) {
                return "x";
            }
        });
        var policy = InetAddressResolver.LookupPolicy.of(InetAddressResolver.LookupPolicy.IPV4);
        assertThatThrownBy(() -> resolver.lookupByName("rebind.test", policy)).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("never contacts");
        assertThat(resolver.lookupByName("mixed.test", policy).toList()).containsExactly(lan);
        assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
    }
}
