package ownpilot.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Replicas;

/** Alone on its database (the embedded one), a gateway locks conversations in memory, with no query. */
class ConversationLocksTest {

    @Test
    void aGatewayAloneLocksInMemoryOnly() {
        // no JdbcClient at all: any database round trip would fail the test
        ConversationLocks locks = new ConversationLocks(null, new Replicas(""));
        Runnable release = locks.acquire("c1");
        assertThat(locks.isBusy("c1")).isTrue();
        assertThat(locks.isBusy("c2")).isFalse();
        assertThatThrownBy(() -> locks.acquire("c1")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("CONVERSATION_BUSY"));
        locks.renew();
        release.run();
        assertThat(locks.isBusy("c1")).isFalse();
        locks.acquire("c1").run();
    }
}
