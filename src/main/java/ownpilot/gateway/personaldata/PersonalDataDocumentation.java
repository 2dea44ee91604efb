package ownpilot.gateway.personaldata;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.DateSchema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import ownpilot.gateway.shared.records.OpenApiSchemas;

/**
 * The personal-data routes return rows shaped by each resource's {@code RecordSchema}; this names
 * those shapes in the API document ({@code Note}, {@code Task}…) and points every route at its own.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataDocumentation {

    private static final String REF = "#/components/schemas/";
    private static final String BIRTHDAY = "UpcomingBirthday";

    @Bean
    OpenApiCustomizer personalDataSchemas(List<PersonalRecords> resources) {
        return api -> {
            for (PersonalRecords resource : resources) {
                api.getComponents().addSchemas(resource.schema().entityName(), OpenApiSchemas.row(resource.schema()));
                if (resource instanceof ContactRecords contacts) {
                    api.getComponents().addSchemas(BIRTHDAY, new Schema<>().allOf(List.of(
                            new Schema<>().$ref(REF + contacts.schema().entityName()),
                            new ObjectSchema().addProperty("nextBirthday", new DateSchema())
                                    .addProperty("daysUntil", new IntegerSchema()))));
                }
            }
        };
    }

    @Bean
    OperationCustomizer personalDataResponses(List<PersonalRecordController> controllers) {
        return (operation, handler) -> {
            PersonalRecordController controller = controllers.stream()
                    .filter(c -> handler.getBeanType().isInstance(c)).findFirst().orElse(null);
            ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
            Class<?> raw = returned.resolve(Object.class);
            boolean list = List.class.isAssignableFrom(raw);
            Class<?> element = list ? returned.getGeneric(0).resolve(Object.class) : raw;
            if (controller == null || !Map.class.isAssignableFrom(element) || operation.getResponses() == null) {
                return operation;
            }
            String name = handler.getMethod().getName().equals("birthdays") ? BIRTHDAY
                    : controller.records.schema().entityName();
            Schema<?> row = new Schema<>().$ref(REF + name);
            Schema<?> data = list ? new ArraySchema().items(row) : row;
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    response.getContent().values().forEach(media -> {
                        Schema<?> current = media.getSchema();
                        boolean enveloped = current != null && current.getProperties() != null
                                && current.getProperties().containsKey("success");
                        if (enveloped) {
                            current.getProperties().put("data", data);
                        } else {
                            media.setSchema(data);
                        }
                    });
                }
            });
            return operation;
        };
    }
}
