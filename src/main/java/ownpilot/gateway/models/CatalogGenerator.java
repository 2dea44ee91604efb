package ownpilot.gateway.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The command that (re)generates {@code models/}: {@code scripts/generate-models.sh [models-dev.json]}.
 * Writes one pretty-printed file per provider and removes files of providers that are gone.
 */
public final class CatalogGenerator {

    private CatalogGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CatalogGenerator <models.dev api.json> <output directory>");
            System.exit(2);
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Map<String, ObjectNode> providers = CatalogConverter.convert(json.readTree(Path.of(args[0]).toFile()));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        try (var existing = Files.list(out)) {
            for (Path file : existing.filter(p -> p.toString().endsWith(".json")).toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.json$", "");
                if (!providers.containsKey(id)) {
                    Files.delete(file);
                }
            }
        }
        int models = 0;
        for (var e : providers.entrySet()) {
            Files.writeString(out.resolve(e.getKey() + ".json"), json.writeValueAsString(e.getValue()) + "\n");
            models += e.getValue().path("models").size();
        }
        System.out.println("Wrote " + providers.size() + " providers with " + models + " models to " + out);
    }
}
