package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error envelope straight to the response, for failures raised before Spring MVC runs. */
@Component
public class EnvelopeWriter {

    private final JsonMapper mapper;

    EnvelopeWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void writeError(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(),
                ApiEnvelope.failure(code, message, null, RequestContext.meta(request)));
    }
}
