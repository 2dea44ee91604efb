package ownpilot.gateway.memories;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily decay and cleanup for every user ({@code ownpilot.memory.maintenance-cron}): memories
 * older than 30 days that nobody read for 30 days lose 10 % of their importance; those below 0.1,
 * older than 90 days and unread as long are deleted. One replica a day does it.
 */
@Component
class MemoryMaintenance {

    private static final Logger log = LoggerFactory.getLogger(MemoryMaintenance.class);
    static final int DECAY_DAYS = 30;
    static final double DECAY_FACTOR = 0.9;
    static final int CLEANUP_DAYS = 90;
    static final double CLEANUP_BELOW = 0.1;

    private final MemoryService memories;
    private final JdbcClient jdbc;

    MemoryMaintenance(MemoryService memories, JdbcClient jdbc) {
        this.memories = memories;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${ownpilot.memory.maintenance-cron:0 30 3 * * *}")
    void daily() {
        boolean mine = jdbc.sql("INSERT INTO memory_maintenance (day) VALUES (current_date) ON CONFLICT DO NOTHING")
                .update() > 0;
        if (!mine) {
            return;
        }
        int decayed = memories.decay(null, DECAY_DAYS, DECAY_FACTOR);
        int deleted = memories.cleanup(null, CLEANUP_DAYS, CLEANUP_BELOW);
        jdbc.sql("UPDATE memory_maintenance SET decayed = :decayed, deleted = :deleted WHERE day = current_date")
                .param("decayed", decayed).param("deleted", deleted).update();
        log.info("Memory maintenance: {} decayed, {} deleted", decayed, deleted);
    }
}
