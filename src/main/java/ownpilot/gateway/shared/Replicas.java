package ownpilot.gateway.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether other gateways may work on this one's database. Never with the embedded PostgreSQL: its
 * cluster lives in this gateway's data directory, which one gateway at a time may hold. With an
 * external database any number of replicas may, so what they share (conversation locks,
 * notifications) must go through the database; alone, it stays in memory and costs no round trip.
 */
@Component
public class Replicas {

    private final boolean sharedDatabase;

    public Replicas(@Value("${ownpilot.database.url:}") String externalUrl) {
        this.sharedDatabase = !externalUrl.isBlank();
    }

    /** True when another replica may use the same database. */
    public boolean mayShareDatabase() {
        return sharedDatabase;
    }
}
