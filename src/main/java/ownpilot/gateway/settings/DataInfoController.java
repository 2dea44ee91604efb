package ownpilot.gateway.settings;

import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import ownpilot.gateway.shared.DataDirectory;

/** Where the gateway keeps its data. Never shows database credentials. */
@RestController
class DataInfoController {

    private final DataDirectory dataDirectory;
    private final Environment environment;

    DataInfoController(DataDirectory dataDirectory, Environment environment) {
        this.dataDirectory = dataDirectory;
        this.environment = environment;
    }

    record DatabaseLocation(String type, boolean embedded, String location) {}

    /** Where the gateway keeps its data; never a credential. */
    record DataInfo(String dataDirectory, boolean isDefaultLocation, DatabaseLocation database, String credentials,
            String secretKeySource, String platform, String javaVersion) {}

    @GetMapping("/api/v1/settings/data-info")
    DataInfo dataInfo() {
        String url = environment.getProperty("ownpilot.database.url", "");
        boolean embedded = url.isBlank();
        return new DataInfo(dataDirectory.root().toString(), dataDirectory.isDefaultLocation(),
                new DatabaseLocation("postgres", embedded,
                        embedded ? dataDirectory.root().resolve("postgres").toString() : hostOf(url)),
                dataDirectory.root().resolve("credentials").toString(),
                environment.getProperty("ownpilot.secret-key", "").isBlank() ? "key file" : "OWNPILOT_SECRET_KEY",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.version().toString());
    }

    /** host[:port]/database of a JDBC URL, without user info or parameters. */
    static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        rest = rest.contains("@") ? rest.substring(rest.indexOf('@') + 1) : rest;
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }
}
