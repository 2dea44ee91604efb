package ownpilot.gateway.chat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ownpilot.gateway.shared.ApiException;
import ownpilot.gateway.shared.Replicas;

/**
 * One run at a time per conversation, across all replicas on the database, so two requests cannot
 * interleave their messages: the second gets 409 {@code CONVERSATION_BUSY} until the first ends.
 * The lock is a row lease ({@code conversation_locks}) rather than an advisory lock, which would pin a
 * pooled connection for the whole reply: taken with one insert, renewed every
 * {@value #RENEW_MS} ms while the run lasts, deleted at its end, and taken over once expired (its
 * replica died mid-run). A gateway that no replica can join ({@link Replicas}) keeps the locks in
 * memory only: two database commits less per turn.
 */
@Component
class ConversationLocks {

    static final int LEASE_SECONDS = 60;
    static final long RENEW_MS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(ConversationLocks.class);

    private final JdbcClient jdbc;
    private final String holder = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final boolean shared;

    ConversationLocks(JdbcClient jdbc, Replicas replicas) {
        this.jdbc = jdbc;
        this.shared = replicas.mayShareDatabase();
    }

    /** True while a run holds the conversation (including one whose first write is still under way). */
    boolean isBusy(String conversationId) {
        return held.contains(conversationId) || shared && jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM conversation_locks WHERE conversation_id = :id AND expires_at > now())")
                .param("id", conversationId).query(Boolean.class).single();
    }

    /** Takes the conversation; the returned handle gives it back. */
    Runnable acquire(String conversationId) {
        if (!held.add(conversationId)) {
            throw busy(conversationId);
        }
        if (!shared) {
            return () -> held.remove(conversationId);
        }
        boolean taken = false;
        try {
            taken = jdbc.sql("""
                    INSERT INTO conversation_locks (conversation_id, holder, expires_at)
                    VALUES (:id, :holder, now() + make_interval(secs => :lease))
                    ON CONFLICT (conversation_id) DO UPDATE SET holder = EXCLUDED.holder,
                        expires_at = EXCLUDED.expires_at
                    WHERE conversation_locks.expires_at <= now()""")
                    .param("id", conversationId).param("holder", holder).param("lease", LEASE_SECONDS)
                    .update() == 1;
        } finally {
            if (!taken) {
                held.remove(conversationId);
            }
        }
        if (!taken) {
            throw busy(conversationId);
        }
        return () -> release(conversationId);
    }

    private void release(String conversationId) {
        try {
            jdbc.sql("DELETE FROM conversation_locks WHERE conversation_id = :id AND holder = :holder")
                    .param("id", conversationId).param("holder", holder).update();
        } catch (RuntimeException e) {
            log.warn("Could not release conversation {} (its lease expires on its own): {}", conversationId,
                    e.toString());
        } finally {
            held.remove(conversationId);
        }
    }

    @Scheduled(fixedDelay = RENEW_MS, initialDelay = RENEW_MS)
    void renew() {
        if (held.isEmpty() || !shared) {
            return;
        }
        try {
            jdbc.sql("UPDATE conversation_locks SET expires_at = now() + make_interval(secs => :lease) "
                    + "WHERE holder = :holder AND conversation_id = ANY(:ids)")
                    .param("lease", LEASE_SECONDS).param("holder", holder)
                    .param("ids", held.toArray(String[]::new)).update();
        } catch (RuntimeException e) {
            log.warn("Could not renew conversation leases: {}", e.toString());
        }
    }

    static ApiException busy(String conversationId) {
        return new ApiException(HttpStatus.CONFLICT, "CONVERSATION_BUSY",
                "A reply is still being generated in conversation " + conversationId + "; try again when it ends");
    }
}
