package ownpilot.gateway.settings;

import java.util.LinkedHashMap;
import java.util.Map;
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

    @GetMapping("/api/v1/settings/data-info")
    Map<String, Object> dataInfo() {
        String url = environment.getProperty("ownpilot.database.url", "");
        boolean embedded = url.isBlank();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("type", "postgres");
        database.put("embedded", embedded);
        database.put("location", embedded ? dataDirectory.root().resolve("postgres").toString() : hostOf(url));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataDirectory", dataDirectory.root().toString());
        out.put("isDefaultLocation", dataDirectory.isDefaultLocation());
        out.put("database", database);
        out.put("credentials", dataDirectory.root().resolve("credentials").toString());
        out.put("secretKeySource", environment.getProperty("ownpilot.secret-key", "").isBlank()
                ? "key file" : "OWNPILOT_SECRET_KEY");
        out.put("platform", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.put("javaVersion", Runtime.version().toString());
        return out;
    }

    /** host[:port]/database of a JDBC URL, without user info or parameters. */
    static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        rest = rest.contains("@") ? rest.substring(rest.indexOf('@') + 1) : rest;
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }
}
